export { ProblemList, describeProblemLocation } from './ProblemList';
export type { ProblemListProps } from './ProblemList';
