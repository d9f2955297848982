import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  SloState,
  SloStatusOverview,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { CardError, usePageRetry } from '../PageErrors';
import { formatBudget, SLO_STATE_LABELS } from '../SloStatusSummary';

const MEASURED: SloState[] = ['exhausted', 'critical', 'warning', 'ok'];

/** SLOs with live data over SLOs with any status: the "measured" stage of adoption. */
export function measuredCoverage(counts: SloStatusOverview['counts']): {
  measured: number;
  total: number;
} {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const measured = MEASURED.reduce(
    (sum, state) => sum + (counts[state] ?? 0),
    0,
  );
  return { measured, total };
}

/** The leads page card: SLOs whose budget is exhausted or burning now, and how many are measured. */
export function SlosBurningNow() {
  const api = useApi(reliabilityApiRef);
  const attempt = usePageRetry();
  const { value, loading, error } = useAsync(
    () => api.getSloStatusOverview(20),
    [api, attempt],
  );
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <CardError error={error} />;
  } else if (!value?.measured) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No data: no Prometheus instance is configured (reliability.prometheus),
        so SLOs are not measured.
      </Typography>
    );
  } else {
    const { measured, total } = measuredCoverage(value.counts);
    content = (
      <>
        <Typography variant="body2">
          {total === 0
            ? 'No SLO measured yet'
            : `${measured} of ${total} SLOs measured (${Math.round(
                (100 * measured) / total,
              )}%)`}
        </Typography>
        {value.burning.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No SLO is burning its error budget now.
          </Typography>
        ) : (
          <List dense>
            {value.burning.map(slo => (
              <ListItem key={`${slo.entityRef}/${slo.slo}`} disableGutters>
                <ListItemText
                  primary={
                    <>
                      <EntityRefLink entityRef={slo.entityRef} /> · {slo.slo}
                    </>
                  }
                  secondary={`${SLO_STATE_LABELS[slo.state]}${
                    slo.errorBudgetRemaining === null
                      ? ''
                      : `, ${formatBudget(slo.errorBudgetRemaining)} left`
                  }, since ${slo.since.slice(0, 16).replace('T', ' ')} UTC`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </>
    );
  }
  return <InfoCard title="SLOs burning now">{content}</InfoCard>;
}
