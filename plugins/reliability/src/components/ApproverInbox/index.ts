export { ApproverInbox } from './ApproverInbox';
export { ApproverInboxSidebarItem } from './ApproverInboxSidebarItem';
