export { ReliabilityPage } from './ReliabilityPage';
export { useCoverageView } from './useCoverageView';
export type { CoverageViewState } from './useCoverageView';
