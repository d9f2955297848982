export interface Config {
  reliability?: {
    /** Settings of the catalog module `@reliability-suite/plugin-catalog-backend-module-reliability`. */
    catalogModule?: {
      /**
       * Whether the catalog processor also reads and checks the `reliability/slo-ref` file of
       * each entity (remote files are revalidated by ETag). Default true.
       */
      checkSloFiles?: boolean;
    };
  };
}
