/**
 * Extension points of the Reliability Suite backend.
 *
 * @packageDocumentation
 */
export * from './extensions';
