export { TeamMovers } from './TeamMovers';
export type { TeamMoversProps } from './TeamMovers';
