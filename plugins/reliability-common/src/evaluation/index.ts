export { evaluateEntity } from './evaluateEntity';
export { isInScope } from './scope';
export { computeReadiness, PASSING_STATES } from './readiness';
export {
  computeMaturity,
  MET_STATES,
  MATURITY_LEVEL_NONE_NAME,
} from './maturity';
export { computeGate } from './gate';
export type { GateInput } from './gate';
export { applyWaiver, findActiveWaiver } from './waivers';
export type {
  CheckContext,
  CheckEvaluator,
  CheckOutcome,
  Evaluation,
  EvaluationInput,
  ExternalCheckOutcome,
} from './types';
