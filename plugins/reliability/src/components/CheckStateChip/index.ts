export { CheckStateChip, CHECK_STATE_PRESENTATION } from './CheckStateChip';
export type { CheckStateChipProps } from './CheckStateChip';
