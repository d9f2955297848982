export { ReliabilityEmptyState } from './ReliabilityEmptyState';
export type { ReliabilityEmptyStateProps } from './ReliabilityEmptyState';
