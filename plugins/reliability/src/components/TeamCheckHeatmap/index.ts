export { TeamCheckHeatmap } from './TeamCheckHeatmap';
export type { TeamCheckHeatmapProps } from './TeamCheckHeatmap';
