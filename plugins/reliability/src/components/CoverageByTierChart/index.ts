export { CoverageByTierChart, TIER_CHART_STAGES } from './CoverageByTierChart';
export type { CoverageByTierChartProps } from './CoverageByTierChart';
