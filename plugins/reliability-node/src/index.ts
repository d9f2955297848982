/**
 * Extension points of the Reliability Suite backend, and the one reader of
 * `reliability/slo-ref` files shared by the backend and the catalog module.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './sloFiles';
