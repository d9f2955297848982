export { OnCallAndRunbooks } from './OnCallAndRunbooks';
export type { OnCallAndRunbooksProps } from './OnCallAndRunbooks';
