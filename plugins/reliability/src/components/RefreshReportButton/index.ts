export { RefreshReportButton } from './RefreshReportButton';
export type { RefreshReportButtonProps } from './RefreshReportButton';
