import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  COVERAGE_MEASURE_LABELS,
  CoverageGroupBy,
  CoverageMeasure,
  EntityListFilter,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
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
import { CardError, usePageRetry } from '../PageErrors';
import { formatShare, sharePercent } from '../../lib/coverageFormat';
import {
  COVERAGE_GROUPINGS,
  groupKeyFilter,
  groupKeyLabel,
} from '../../lib/coverageGroups';
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

/** A row's name in the table: people's words for teams and systems, not refs. */
function GroupName(props: { groupBy: CoverageGroupBy; rowKey: string }) {
  const { groupBy, rowKey } = props;
  if (groupBy === 'tier' || rowKey === 'none') {
    return <>{groupKeyLabel(groupBy, rowKey)}</>;
  }
  return <EntityDisplayName entityRef={rowKey} hideIcon />;
}

/**
 * Coverage by tier, team or system: one bar per stage, and every number linking to its
 * entities.
 */
export function CoverageByTierChart(props: CoverageByTierChartProps) {
  const readable = useReadableStyles();
  const { filter, linkTo } = props;
  const api = useApi(reliabilityApiRef);
  const [groupBy, setGroupBy] = useState<CoverageGroupBy>('tier');
  const grouping =
    COVERAGE_GROUPINGS.find(option => option.groupBy === groupBy) ??
    COVERAGE_GROUPINGS[0];
  const attempt = usePageRetry();
  const { value, loading, error } = useAsync(
    () => api.getCoverage(groupBy, filter),
    [api, groupBy, JSON.stringify(filter), attempt],
  );
  const rows = value?.rows ?? [];
  const title = `Coverage by ${grouping.noun.toLocaleLowerCase('en-US')}`;
  const data = rows.map(row => ({
    group: groupKeyLabel(groupBy, row.key),
    ...Object.fromEntries(
      TIER_CHART_STAGES.map(stage => [stage, sharePercent(row, stage)]),
    ),
  }));

  return (
    <InfoCard
      title={title}
      subheader={
        value
          ? `Share of in-scope entities per stage, as of ${formatDate(
              value.asOf,
            )}`
          : undefined
      }
    >
      <ToggleButtonGroup
        size="small"
        exclusive
        value={groupBy}
        aria-label="Group coverage by"
        onChange={(_event, next: CoverageGroupBy | null) => {
          // Exclusive toggles send null when the pressed one is clicked again: keep it.
          if (next) setGroupBy(next);
        }}
      >
        {COVERAGE_GROUPINGS.map(option => (
          <ToggleButton key={option.groupBy} value={option.groupBy}>
            By {option.label.toLocaleLowerCase('en-US')}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {loading && <Progress />}
      <CardError error={error} />
      {value && rows.length === 0 && (
        <Typography>No in-scope entities match these filters.</Typography>
      )}
      {rows.length > 0 && (
        <>
          <div style={{ width: '100%', height: 280 }} aria-hidden>
            <ResponsiveContainer>
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="group" />
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
            <Table size="small" className={readable.table} aria-label={title}>
              <TableHead>
                <TableRow>
                  <TableCell>{grouping.noun}</TableCell>
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
                  <TableRow key={row.key} data-group={row.key}>
                    <TableCell component="th" scope="row">
                      <GroupName groupBy={groupBy} rowKey={row.key} />
                    </TableCell>
                    <TableCell align="right">
                      <Link to={linkTo(groupKeyFilter(groupBy, row.key))}>
                        {row.total}
                      </Link>
                    </TableCell>
                    {TIER_CHART_STAGES.map(stage => (
                      <TableCell key={stage} align="right" data-stage={stage}>
                        <Link
                          to={linkTo({
                            ...groupKeyFilter(groupBy, row.key),
                            stage,
                            missing: undefined,
                          })}
                          aria-label={`${groupKeyLabel(groupBy, row.key)}: ${
                            row[stage]
                          } ${COVERAGE_MEASURE_LABELS[stage]}`}
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
