import { InfoCard, type InfoCardVariants } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatDateTime } from '../../lib/format';
import {
  useReliabilityReport,
  WithReliabilityReport,
} from '../EntityReliabilityContent';
import { OnCallAndRunbooks } from '../OnCallAndRunbooks';
import { ProblemList } from '../ProblemList';
import { RefreshReportButton } from '../RefreshReportButton';
import { ReliabilitySummary } from '../ReliabilitySummary';
import { SloTable } from '../SloTable';
import { ReliabilityGaps } from './ReliabilityGaps';

export interface EntityReliabilityCardProps {
  variant?: InfoCardVariants;
  /** Path of the Reliability tab below the entity page; `reliability` unless the app changed it. */
  tabPath?: string;
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section" mt={2} aria-label={props.title}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** The entity overview card: tier, readiness, maturity, SLOs, on-call, runbooks and gaps. */
export function EntityReliabilityCard(props: EntityReliabilityCardProps) {
  const { variant = 'gridItem', tabPath = 'reliability' } = props;
  const { entity } = useEntity();
  const state = useReliabilityReport(entity);
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = `${entityRoute(entityRouteParams(entity))}/${tabPath}`;
  const report = state.report;

  return (
    <InfoCard
      title="Reliability"
      subheader={
        report?.inScope
          ? `Evaluated ${formatDateTime(report.evaluatedAt)}`
          : undefined
      }
      variant={variant}
      action={
        report?.inScope ? (
          <RefreshReportButton entity={entity} onRefreshed={state.retry} />
        ) : undefined
      }
      deepLink={
        report?.inScope
          ? { title: 'Reliability details', link: tabLink }
          : undefined
      }
    >
      <WithReliabilityReport state={state}>
        {inScopeReport => (
          <>
            <ReliabilitySummary report={inScopeReport} />
            <Section title="SLOs">
              <SloTable slos={inScopeReport.slos} compact />
            </Section>
            <Section title="Operations">
              <OnCallAndRunbooks report={inScopeReport} />
            </Section>
            {inScopeReport.readiness && (
              <Section title="What is missing">
                <ReliabilityGaps checks={inScopeReport.readiness.checks} />
              </Section>
            )}
            {inScopeReport.problems.length > 0 && (
              <Section title="Problems">
                <ProblemList problems={inScopeReport.problems} />
              </Section>
            )}
          </>
        )}
      </WithReliabilityReport>
    </InfoCard>
  );
}
