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
import { alpha, makeStyles, Theme } from '@material-ui/core/styles';
import type {
  EntityListFilter,
  HeatmapRow,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { CardError, usePageRetry } from '../PageErrors';
import { shortRef } from '../../lib/coverageFormat';
import { useReadableStyles } from '../../lib/readableStyles';

const useStyles = makeStyles((theme: Theme) => ({
  header: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
    padding: theme.spacing(1, 0.5),
  },
  cell: { textAlign: 'center', padding: theme.spacing(0.5) },
}));

/** Rows with the most entities first; the tree's own order for ties. */
function byTotal(a: HeatmapRow, b: HeatmapRow): number {
  return b.total - a.total || a.key.localeCompare(b.key);
}

export interface TeamCheckHeatmapProps {
  filter: EntityListFilter;
  linkTo: (changes: Partial<EntityListFilter>) => string;
}

/**
 * Teams x checks: how many of each team's entities fail (or cannot evaluate) each check.
 * With an owner filter the rows are that team and its sub-teams, otherwise the top two
 * levels of the organisation; a team's name drills down, a cell opens its failing entities.
 */
export function TeamCheckHeatmap(props: TeamCheckHeatmapProps) {
  const { filter, linkTo } = props;
  const classes = useStyles();
  const api = useApi(reliabilityApiRef);
  const attempt = usePageRetry();
  const { value, loading, error } = useAsync(
    () => api.getCoverageHeatmap(filter),
    [api, JSON.stringify(filter), attempt],
  );

  return (
    <InfoCard
      title="Failing checks by team"
      subheader="Entities whose check fails or cannot be evaluated (waived in brackets)"
    >
      {loading && <Progress />}
      <CardError error={error} />
      {value && value.rows.length === 0 && (
        <Typography>No in-scope entities match these filters.</Typography>
      )}
      {value && value.rows.length > 0 && (
        <HeatmapTable
          rows={[...value.rows].sort(byTotal)}
          checkIds={value.checkIds}
          titles={value.checkTitles ?? {}}
          classes={classes}
          linkTo={linkTo}
        />
      )}
    </InfoCard>
  );
}

function HeatmapTable(props: {
  rows: HeatmapRow[];
  checkIds: string[];
  titles: Record<string, string>;
  classes: ReturnType<typeof useStyles>;
  linkTo: (changes: Partial<EntityListFilter>) => string;
}) {
  const readable = useReadableStyles();
  const { rows, checkIds, titles, classes, linkTo } = props;
  const titleOf = (id: string) => titles[id] ?? id;
  return (
    <TableContainer>
      <Table
        size="small"
        className={readable.table}
        aria-label="Failing checks by team"
      >
        <TableHead>
          <TableRow>
            <TableCell>Team</TableCell>
            <TableCell align="right">Entities</TableCell>
            {checkIds.map(id => (
              <TableCell key={id} className={classes.header} title={id}>
                {titleOf(id)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.key} data-owner={row.key}>
              <TableCell component="th" scope="row">
                <Link to={linkTo({ owner: row.key })}>
                  <EntityDisplayName entityRef={row.key} hideIcon />
                </Link>
              </TableCell>
              <TableCell align="right">{row.total}</TableCell>
              {checkIds.map(id => {
                const cell = row.cells[id] ?? { failing: 0, waived: 0 };
                const share = row.total ? cell.failing / row.total : 0;
                return (
                  <TableCell
                    key={id}
                    className={classes.cell}
                    style={{ backgroundColor: heatColor(share) }}
                    title={`${shortRef(row.key)} · ${titleOf(id)}: ${
                      cell.failing
                    } failing, ${cell.waived} waived of ${row.total}`}
                  >
                    {cell.failing > 0 ? (
                      <Link
                        to={linkTo({ owner: row.key, failingCheck: id })}
                        aria-label={`${shortRef(row.key)} ${titleOf(id)}: ${
                          cell.failing
                        } failing`}
                      >
                        {cell.failing}
                      </Link>
                    ) : (
                      '0'
                    )}
                    {cell.waived > 0 && ` (${cell.waived})`}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** A fixed red, so the scale reads the same in light and dark themes. */
const HEAT_RED = '#d32f2f';

/** Transparent at 0%, deep red at 100% failing. */
export function heatColor(share: number): string | undefined {
  return share === 0 ? undefined : alpha(HEAT_RED, 0.15 + 0.75 * share);
}
