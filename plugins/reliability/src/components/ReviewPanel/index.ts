export { ReviewPanel } from './ReviewPanel';
export type { ReviewPanelProps } from './ReviewPanel';
