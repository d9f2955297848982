/**
 * Scaffolder actions of the Reliability Suite.
 *
 * @packageDocumentation
 */
export {};
