import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import { formatDateTime } from '../../lib/format';
import { GateDecisionPanel } from '../GateDecisionPanel';
import { MaturityLadder } from '../MaturityLadder';
import { OnCallAndRunbooks } from '../OnCallAndRunbooks';
import { ProblemList } from '../ProblemList';
import { RefreshReportButton } from '../RefreshReportButton';
import { ReliabilityChecklist } from '../ReliabilityChecklist';
import { ReliabilityReviewSection } from '../ReliabilityReviewSection';
import { ReliabilitySummary } from '../ReliabilitySummary';
import { SloTable } from '../SloTable';
import { useReliabilityReport } from './useReliabilityReport';
import { WithReliabilityReport } from './WithReliabilityReport';

/**
 * The entity's "Reliability" tab: every detail of its report as a grid of sections.
 * Further sections (reviews, attestations, waivers) are added to the grid below, and use
 * `reload` to show their effect.
 */
export function EntityReliabilityContent() {
  const { entity } = useEntity();
  const state = useReliabilityReport(entity);
  const reload = state.retry;

  return (
    <WithReliabilityReport state={state}>
      {report => (
        <Grid container spacing={3} alignItems="stretch">
          <Grid item xs={12}>
            <InfoCard
              title="Reliability"
              subheader={`Evaluated ${formatDateTime(report.evaluatedAt)}`}
              action={
                <RefreshReportButton entity={entity} onRefreshed={reload} />
              }
            >
              <ReliabilitySummary report={report} />
            </InfoCard>
          </Grid>
          {report.readiness && (
            <Grid item xs={12} md={8}>
              <InfoCard title="Readiness checklist">
                <ReliabilityChecklist checks={report.readiness.checks} />
              </InfoCard>
            </Grid>
          )}
          <Grid item xs={12} md={report.readiness ? 4 : 12}>
            <Grid container spacing={3} direction="column">
              {report.gate && (
                <Grid item>
                  <InfoCard title="Release gate">
                    <GateDecisionPanel gate={report.gate} />
                  </InfoCard>
                </Grid>
              )}
              <Grid item>
                <InfoCard title="On call, runbooks and dashboards">
                  <OnCallAndRunbooks report={report} showDashboards />
                </InfoCard>
              </Grid>
              <Grid item>
                <InfoCard title="Problems">
                  <ProblemList problems={report.problems} />
                </InfoCard>
              </Grid>
            </Grid>
          </Grid>
          {report.readiness && (
            <Grid item xs={12}>
              <ReliabilityReviewSection
                entity={entity}
                report={report}
                onReportChanged={reload}
              />
            </Grid>
          )}
          {report.maturity && (
            <Grid item xs={12}>
              <InfoCard title="Maturity">
                <MaturityLadder
                  maturity={report.maturity}
                  checks={report.readiness?.checks ?? []}
                />
              </InfoCard>
            </Grid>
          )}
          <Grid item xs={12}>
            <InfoCard title="Service level objectives">
              <SloTable
                slos={report.slos}
                entityRef={getCompoundEntityRef(entity)}
              />
            </InfoCard>
          </Grid>
        </Grid>
      )}
    </WithReliabilityReport>
  );
}
