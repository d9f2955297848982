/**
 * Reliability Suite backend: reports, readiness scoring, reviews and coverage.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin as default } from './plugin';
