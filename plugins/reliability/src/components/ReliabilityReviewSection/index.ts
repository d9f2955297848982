export { ReliabilityReviewSection } from './ReliabilityReviewSection';
export type { ReliabilityReviewSectionProps } from './ReliabilityReviewSection';
