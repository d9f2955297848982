export { AttestationList } from './AttestationList';
export type { AttestationListProps } from './AttestationList';
