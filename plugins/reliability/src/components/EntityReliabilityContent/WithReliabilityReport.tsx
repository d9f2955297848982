import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type { ReactNode } from 'react';
import { ReliabilityEmptyState } from '../ReliabilityEmptyState';
import type { ReliabilityReportState } from './useReliabilityReport';

function isNotFound(error: Error): boolean {
  return 'statusCode' in error && error.statusCode === 404;
}

export interface WithReliabilityReportProps {
  state: ReliabilityReportState;
  /** Renders an in-scope report. */
  children: (report: ReliabilityReport) => ReactNode;
}

/** The loading, error and empty states shared by the card and the tab. */
export function WithReliabilityReport(props: WithReliabilityReportProps) {
  const { state, children } = props;
  if (state.loading && !state.report) {
    return <Progress />;
  }
  if (state.error) {
    return isNotFound(state.error) ? (
      <ReliabilityEmptyState reason="no-data" />
    ) : (
      <ResponseErrorPanel error={state.error} />
    );
  }
  if (!state.report) {
    return <ReliabilityEmptyState reason="no-data" />;
  }
  if (!state.report.inScope) {
    return <ReliabilityEmptyState reason="out-of-scope" />;
  }
  return <>{children(state.report)}</>;
}
