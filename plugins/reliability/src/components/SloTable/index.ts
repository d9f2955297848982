export { SloTable } from './SloTable';
export type { SloTableProps } from './SloTable';
