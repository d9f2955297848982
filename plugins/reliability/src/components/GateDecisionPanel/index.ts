export { GateDecisionPanel } from './GateDecisionPanel';
export type { GateDecisionPanelProps } from './GateDecisionPanel';
