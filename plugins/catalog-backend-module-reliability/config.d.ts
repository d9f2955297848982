export interface Config {
  reliability?: {
    /** SLO files, read as the reliability backend reads them. */
    sloFiles?: {
      /** Largest SLO file read, in bytes. Default: 1048576 (1 MiB). */
      maxBytes?: number;
      /** How long a remote SLO file is cached before it is revalidated. Default: 60. */
      cacheTtlSeconds?: number;
      /**
       * Directories (absolute paths, or URL prefixes) that relative `reliability/slo-ref`
       * locations may read besides the directory tree of the entity's catalog file.
       */
      allowedDirectories?: string[];
    };
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
