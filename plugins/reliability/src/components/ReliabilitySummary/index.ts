export { ReliabilitySummary } from './ReliabilitySummary';
export type { ReliabilitySummaryProps } from './ReliabilitySummary';
