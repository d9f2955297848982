export { EntityReliabilityCard } from './EntityReliabilityCard';
export type { EntityReliabilityCardProps } from './EntityReliabilityCard';
export { ReliabilityGaps } from './ReliabilityGaps';
export type { ReliabilityGapsProps } from './ReliabilityGaps';
