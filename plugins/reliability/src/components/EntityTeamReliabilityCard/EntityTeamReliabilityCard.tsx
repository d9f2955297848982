import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  COVERAGE_MEASURE_LABELS,
  CoverageMeasure,
  CoverageRow,
  EntityListFilter,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { coverageLink } from '../../lib/coverageParams';
import { formatShare, shortRef } from '../../lib/coverageFormat';
import { useReadableStyles } from '../../lib/readableStyles';

const CARD_STAGES: CoverageMeasure[] = [
  'withSlo',
  'withSloDashboardRunbook',
  'withOncall',
  'withRunbook',
  'ready',
  'waived',
];
/** Sub-teams listed on the card; the /reliability page has them all. */
const MAX_SUB_TEAMS = 8;

export interface EntityTeamReliabilityCardProps {
  /** Where the /reliability page is mounted. */
  reliabilityPath?: string;
}

/**
 * A group's reliability roll-up, sub-teams included at any depth: how many of its in-scope
 * services have SLOs, on-call, runbooks and are ready, each number linking to the entities.
 */
export function EntityTeamReliabilityCard(
  props: EntityTeamReliabilityCardProps,
) {
  const { reliabilityPath = '/reliability' } = props;
  const { entity } = useEntity();
  const owner = stringifyEntityRef(entity);
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCoverage('owner', { owner }),
    [api, owner],
  );
  const link = (filter: EntityListFilter) =>
    coverageLink(reliabilityPath, {}, filter);
  const team = value?.rows.find(row => row.key === owner);
  const subTeams = (value?.rows ?? [])
    .filter(row => row.key !== owner)
    .sort((a, b) => b.total - a.total)
    .slice(0, MAX_SUB_TEAMS);

  return (
    <InfoCard
      title="Team reliability"
      subheader="In-scope services of this team and all its sub-teams, in the counted lifecycles"
      deepLink={{ title: 'Open in Reliability', link: link({ owner }) }}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !team && (
        <Typography>
          No in-scope services are owned by this team or its sub-teams.
        </Typography>
      )}
      {team && (
        <>
          <StageTable team={team} owner={owner} link={link} />
          {subTeams.length > 0 && <SubTeamTable rows={subTeams} link={link} />}
        </>
      )}
    </InfoCard>
  );
}

function StageTable(props: {
  team: CoverageRow;
  owner: string;
  link: (filter: EntityListFilter) => string;
}) {
  const readable = useReadableStyles();
  const { team, owner, link } = props;
  return (
    <Table size="small" className={readable.table} aria-label="Team coverage">
      <TableBody>
        <TableRow>
          <TableCell component="th" scope="row">
            Services
          </TableCell>
          <TableCell align="right">
            <Link to={link({ owner })}>{team.total}</Link>
          </TableCell>
          <TableCell />
        </TableRow>
        {CARD_STAGES.map(stage => (
          <TableRow key={stage} data-stage={stage}>
            <TableCell component="th" scope="row">
              {COVERAGE_MEASURE_LABELS[stage]}
            </TableCell>
            <TableCell align="right">
              <Link to={link({ owner, stage })}>{team[stage]}</Link>
            </TableCell>
            <TableCell align="right">
              {formatShare(team[stage], team.total)}
              {stage !== 'waived' && team[stage] < team.total && (
                <>
                  {' · '}
                  <Link to={link({ owner, missing: stage })}>
                    {team.total - team[stage]} missing
                  </Link>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SubTeamTable(props: {
  rows: CoverageRow[];
  link: (filter: EntityListFilter) => string;
}) {
  const readable = useReadableStyles();
  return (
    <Table size="small" className={readable.table} aria-label="Sub-teams">
      <TableHead>
        <TableRow>
          <TableCell>Sub-team</TableCell>
          <TableCell align="right">Services</TableCell>
          <TableCell align="right">With SLO</TableCell>
          <TableCell align="right">Ready</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.key}>
            <TableCell>
              <Link to={props.link({ owner: row.key })}>
                {shortRef(row.key)}
              </Link>
            </TableCell>
            <TableCell align="right">{row.total}</TableCell>
            <TableCell align="right">
              <Link to={props.link({ owner: row.key, stage: 'withSlo' })}>
                {formatShare(row.withSlo, row.total)}
              </Link>
            </TableCell>
            <TableCell align="right">
              <Link to={props.link({ owner: row.key, stage: 'ready' })}>
                {formatShare(row.ready, row.total)}
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
