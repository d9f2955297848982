export {
  ReliabilityHistory,
  HISTORY_ACTION_LABELS,
} from './ReliabilityHistory';
export type { ReliabilityHistoryProps } from './ReliabilityHistory';
