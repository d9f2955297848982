export { TargetList } from './TargetList';
export type { TargetListProps } from './TargetList';
