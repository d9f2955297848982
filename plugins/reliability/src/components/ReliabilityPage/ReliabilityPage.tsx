import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { aggregateFilter } from '../../lib/coverageParams';
import { CoverageByTierChart } from '../CoverageByTierChart';
import { EntityTable } from '../EntityTable';
import { TargetList } from '../TargetList';
import { TeamCheckHeatmap } from '../TeamCheckHeatmap';
import { TeamMovers } from '../TeamMovers';
import { SlosBurningNow } from '../SlosBurningNow';
import { TierTrendChart } from '../TierTrendChart';
import { PageErrorsProvider } from '../PageErrors';
import { CoverageFilters } from './CoverageFilters';
import { useCoverageView } from './useCoverageView';

/**
 * The leads' view at /reliability: SLO adoption coverage by tier, targets, trends, a team x
 * check heatmap and the entities behind every number. All figures are aggregated by the
 * backend; the entity table loads one page at a time.
 */
export function ReliabilityPage() {
  const view = useCoverageView();
  const aggregate = aggregateFilter(view.filter);

  return (
    <Page themeId="tool">
      <Header
        title="Reliability"
        subtitle="SLO adoption and readiness across the organisation, by tier and team"
      />
      <Content>
        <ContentHeader title="Coverage">
          <CoverageFilters view={view} />
        </ContentHeader>
        <PageErrorsProvider>
          <Grid container spacing={3}>
            <Grid item xs={12} lg={8}>
              <CoverageByTierChart filter={aggregate} linkTo={view.linkTo} />
            </Grid>
            <Grid item xs={12} lg={4}>
              <TargetList linkFresh={view.linkFresh} />
            </Grid>
            <Grid item xs={12} lg={8}>
              <TierTrendChart filter={aggregate} />
            </Grid>
            <Grid item xs={12} lg={4}>
              <TeamMovers filter={aggregate} linkTo={view.linkTo} />
            </Grid>
            <Grid item xs={12}>
              <SlosBurningNow />
            </Grid>
            <Grid item xs={12}>
              <TeamCheckHeatmap filter={aggregate} linkTo={view.linkTo} />
            </Grid>
            <Grid item xs={12}>
              <EntityTable view={view} />
            </Grid>
          </Grid>
        </PageErrorsProvider>
      </Content>
    </Page>
  );
}
