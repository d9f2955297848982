export { VerdictChip, GateDecisionChip } from './VerdictChip';
