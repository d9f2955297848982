export { WaiverApprovalList } from './WaiverApprovalList';
export type { WaiverApprovalListProps } from './WaiverApprovalList';
