/**
 * Reliability Suite backend: reports, readiness scoring, reviews and coverage.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin as default } from './plugin';
export {
  reliabilityEntityConditions,
  createReliabilityEntityConditionalDecision,
  reliabilityEntityPermissionResourceRef,
} from './permissions';
export type { ReliabilityEntityQuery } from './permissions';
