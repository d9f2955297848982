import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  COVERAGE_MEASURE_LABELS,
  COVERAGE_MEASURES,
  CoverageMeasure,
  EntityListFilter,
  HistorySeries,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { reliabilityApiRef } from '../../api';
import { CardError, usePageRetry } from '../PageErrors';
import { tierColor } from '../../lib/chartPalette';
import { sharePercent, tierLabel } from '../../lib/coverageFormat';

const RANGES: Array<[number, string]> = [
  [30, '30 days'],
  [90, '90 days'],
  [180, '180 days'],
  [365, '1 year'],
];

/** One row per day with the share of each tier, for recharts. */
export function toTrendData(
  series: HistorySeries[],
  measure: CoverageMeasure,
): Array<Record<string, string | number>> {
  const byDay = new Map<string, Record<string, string | number>>();
  for (const { key, points } of series) {
    for (const point of points) {
      const row = byDay.get(point.day) ?? { day: point.day };
      row[key] = sharePercent(point, measure);
      byDay.set(point.day, row);
    }
  }
  return [...byDay.values()].sort((a, b) =>
    String(a.day).localeCompare(String(b.day)),
  );
}

export interface TierTrendChartProps {
  filter: EntityListFilter;
}

/** The share of each tier meeting a measure, per day, from the daily snapshots. */
export function TierTrendChart(props: TierTrendChartProps) {
  const api = useApi(reliabilityApiRef);
  const [measure, setMeasure] = useState<CoverageMeasure>('withSlo');
  const [days, setDays] = useState(90);
  const { system, ...filter } = props.filter;
  const attempt = usePageRetry();
  const { value, loading, error } = useAsync(
    () => api.getCoverageHistory({ groupBy: 'tier', days, filter }),
    [api, days, JSON.stringify(filter), attempt],
  );
  const series = value?.series ?? [];
  const data = toTrendData(series, measure);

  return (
    <InfoCard title="Trend by tier">
      <Box display="flex" mb={1} style={{ gap: 16 }}>
        <TextField
          select
          label="Measure"
          value={measure}
          onChange={event => setMeasure(event.target.value as CoverageMeasure)}
        >
          {COVERAGE_MEASURES.map(option => (
            <MenuItem key={option} value={option}>
              {COVERAGE_MEASURE_LABELS[option]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Period"
          value={days}
          onChange={event => setDays(Number(event.target.value))}
        >
          {RANGES.map(([range, label]) => (
            <MenuItem key={range} value={range}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {system && (
        <Typography variant="caption" display="block">
          History is kept per tier, team and lifecycle, not per system: the
          system filter does not apply here.
        </Typography>
      )}
      {loading && <Progress />}
      <CardError error={error} />
      {value && data.length === 0 && (
        <Typography>
          No daily snapshots yet: the first one is taken shortly after the first
          evaluation.
        </Typography>
      )}
      {data.length > 0 && (
        <div style={{ width: '100%', height: 280 }}>
          <ResponsiveContainer>
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" minTickGap={24} />
              <YAxis unit="%" domain={[0, 100]} />
              <Tooltip formatter={(v: number) => `${v}%`} />
              <Legend />
              {series.map(entry => (
                <Line
                  key={entry.key}
                  type="monotone"
                  dataKey={entry.key}
                  name={tierLabel(entry.key)}
                  stroke={tierColor(entry.key)}
                  dot={data.length < 3}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </InfoCard>
  );
}
