import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  COVERAGE_MEASURE_LABELS,
  CoverageMeasure,
  EntityListFilter,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { reliabilityApiRef } from '../../api';
import {
  formatShare,
  sharePercent,
  tierFilter,
  tierLabel,
} from '../../lib/coverageFormat';
import { MEASURE_COLORS } from '../../lib/chartPalette';
import { formatDate } from '../../lib/format';
import { useReadableStyles } from '../../lib/readableStyles';

/** The stages of adoption, in the order a service usually reaches them. */
export const TIER_CHART_STAGES: CoverageMeasure[] = [
  'withSlo',
  'withSloAlerting',
  'withSloDashboardRunbook',
  'withOncall',
  'withRunbook',
  'ready',
  'waived',
];

export interface CoverageByTierChartProps {
  filter: EntityListFilter;
  linkTo: (changes: Partial<EntityListFilter>) => string;
}

/** Coverage by tier: one bar per stage, and every number linking to its entities. */
export function CoverageByTierChart(props: CoverageByTierChartProps) {
  const readable = useReadableStyles();
  const { filter, linkTo } = props;
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCoverage('tier', filter),
    [api, JSON.stringify(filter)],
  );
  const rows = value?.rows ?? [];
  const data = rows.map(row => ({
    tier: tierLabel(row.key),
    ...Object.fromEntries(
      TIER_CHART_STAGES.map(stage => [stage, sharePercent(row, stage)]),
    ),
  }));

  return (
    <InfoCard
      title="Coverage by tier"
      subheader={
        value
          ? `Share of in-scope entities per stage, as of ${formatDate(
              value.asOf,
            )}`
          : undefined
      }
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && rows.length === 0 && (
        <Typography>No in-scope entities match these filters.</Typography>
      )}
      {rows.length > 0 && (
        <>
          <div style={{ width: '100%', height: 280 }} aria-hidden>
            <ResponsiveContainer>
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="tier" />
                <YAxis unit="%" domain={[0, 100]} />
                <Tooltip formatter={(v: number) => `${v}%`} />
                <Legend />
                {TIER_CHART_STAGES.map(stage => (
                  <Bar
                    key={stage}
                    dataKey={stage}
                    name={COVERAGE_MEASURE_LABELS[stage]}
                    fill={MEASURE_COLORS[stage]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <TableContainer>
            <Table
              size="small"
              className={readable.table}
              aria-label="Coverage by tier"
            >
              <TableHead>
                <TableRow>
                  <TableCell>Tier</TableCell>
                  <TableCell align="right">Entities</TableCell>
                  {TIER_CHART_STAGES.map(stage => (
                    <TableCell key={stage} align="right">
                      {COVERAGE_MEASURE_LABELS[stage]}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(row => (
                  <TableRow key={row.key} data-tier={row.key}>
                    <TableCell component="th" scope="row">
                      {tierLabel(row.key)}
                    </TableCell>
                    <TableCell align="right">
                      <Link to={linkTo({ tier: tierFilter(row.key) })}>
                        {row.total}
                      </Link>
                    </TableCell>
                    {TIER_CHART_STAGES.map(stage => (
                      <TableCell key={stage} align="right" data-stage={stage}>
                        <Link
                          to={linkTo({
                            tier: tierFilter(row.key),
                            stage,
                            missing: undefined,
                          })}
                          aria-label={`${tierLabel(row.key)}: ${row[stage]} ${
                            COVERAGE_MEASURE_LABELS[stage]
                          }`}
                        >
                          {row[stage]}
                        </Link>{' '}
                        <Typography variant="caption" color="textSecondary">
                          ({formatShare(row[stage], row.total)})
                        </Typography>
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </InfoCard>
  );
}
