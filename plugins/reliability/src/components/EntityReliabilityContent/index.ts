export { EntityReliabilityContent } from './EntityReliabilityContent';
export { useReliabilityReport } from './useReliabilityReport';
export type { ReliabilityReportState } from './useReliabilityReport';
export { WithReliabilityReport } from './WithReliabilityReport';
export type { WithReliabilityReportProps } from './WithReliabilityReport';
