export { TierTrendChart, toTrendData } from './TierTrendChart';
export type { TierTrendChartProps } from './TierTrendChart';
