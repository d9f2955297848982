export {
  ReliabilityChecklist,
  groupChecksByArea,
} from './ReliabilityChecklist';
export type { ReliabilityChecklistProps } from './ReliabilityChecklist';
export { CheckDetails, needsFix } from './CheckDetails';
