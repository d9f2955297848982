import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import type { SloHistoryPoint } from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { reliabilityApiRef } from '../../api';
import { OKABE_ITO, THRESHOLD_COLOR } from '../../lib/chartPalette';

/** Chart rows: the budget left in percent, null where there was no data (a gap). */
export function toBurnDownData(points: SloHistoryPoint[]) {
  return points.map(point => ({
    time: point.measuredAt.slice(0, 16).replace('T', ' '),
    budget:
      point.errorBudgetRemaining === null
        ? null
        : Math.round(point.errorBudgetRemaining * 1000) / 10,
  }));
}

/** The error budget left over time for one SLO, from the backend's status history. */
export function SloBurnDownChart(props: {
  entityRef: CompoundEntityRef;
  slo: string;
  days?: number;
}) {
  const { entityRef, slo, days = 30 } = props;
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getSloHistory(entityRef, slo, days),
    [api, entityRef.kind, entityRef.namespace, entityRef.name, slo, days],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const data = toBurnDownData(value?.points ?? []);
  if (!data.some(row => row.budget !== null)) {
    return (
      <Typography variant="body2" color="textSecondary">
        No data: the budget of {slo} has not been measured in the last {days}{' '}
        days.
      </Typography>
    );
  }
  return (
    <div aria-label={`Error budget left of ${slo} over ${days} days`}>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="time" minTickGap={40} />
          <YAxis unit="%" />
          <Tooltip />
          <ReferenceLine y={0} stroke={THRESHOLD_COLOR} />
          <Line
            type="monotone"
            dataKey="budget"
            name="Budget left"
            stroke={OKABE_ITO.blue}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
