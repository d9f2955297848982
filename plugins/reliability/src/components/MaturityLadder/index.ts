export { MaturityLadder, DEFAULT_MATURITY_LEVEL_NAMES } from './MaturityLadder';
export type { MaturityLadderProps } from './MaturityLadder';
