import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import GetAppIcon from '@material-ui/icons/GetApp';
import type {
  EntityListItem,
  EntitySort,
} from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';
import { VerdictChip } from '../VerdictChip';
import type { CoverageViewState } from '../ReliabilityPage/useCoverageView';
import { saveBlob } from './downloadCsv';
import { CardError } from '../PageErrors';
import { ENTITY_PAGE_SIZE, useEntityPage } from './useEntityPage';
import { useReadableStyles } from '../../lib/readableStyles';

const FLAGS: Array<[keyof EntityListItem, string]> = [
  ['hasSlo', 'SLO'],
  ['hasSloAlerting', 'Alerting'],
  ['hasOncall', 'On-call'],
  ['hasRunbook', 'Runbook'],
  ['hasDashboard', 'Dashboard'],
];

function Flag(props: { on: boolean; label: string }) {
  return props.on ? (
    <CheckIcon fontSize="small" titleAccess={`${props.label}: yes`} />
  ) : (
    <CloseIcon
      fontSize="small"
      color="error"
      titleAccess={`${props.label}: no`}
    />
  );
}

function SortableHeader(props: {
  sort: EntitySort;
  label: string;
  view: CoverageViewState;
  align?: 'right';
}) {
  const { sort, label, view, align } = props;
  const active = view.sort === sort;
  return (
    <TableCell align={align} sortDirection={active ? view.order : false}>
      <TableSortLabel
        active={active}
        direction={active ? view.order : 'asc'}
        onClick={() =>
          view.update(
            {},
            {
              sort,
              order: active && view.order === 'asc' ? 'desc' : 'asc',
            },
          )
        }
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
}

function EntityRow(props: { item: EntityListItem }) {
  const { item } = props;
  return (
    <TableRow data-entity-ref={item.entityRef}>
      <TableCell component="th" scope="row">
        <EntityRefLink
          entityRef={item.entityRef}
          title={item.title ?? item.name}
        />
      </TableCell>
      <TableCell>
        {item.ownerRef ? <EntityRefLink entityRef={item.ownerRef} /> : '–'}
      </TableCell>
      <TableCell align="right">
        {item.tier === null ? 'Untiered' : item.tier}
      </TableCell>
      <TableCell align="right">{item.score ?? '–'}</TableCell>
      <TableCell>
        {item.verdict ? <VerdictChip verdict={item.verdict} /> : '–'}
      </TableCell>
      <TableCell align="right">
        {item.maturityLevel ?? '–'}
        {item.expectedLevel !== null && ` / ${item.expectedLevel}`}
      </TableCell>
      {FLAGS.map(([flag, label]) => (
        <TableCell key={flag} align="center">
          <Flag on={Boolean(item[flag])} label={label} />
        </TableCell>
      ))}
      <TableCell align="center">{item.hasWaiver ? 'Yes' : ''}</TableCell>
    </TableRow>
  );
}

export interface EntityTableProps {
  view: CoverageViewState;
}

/** The entities behind the figures: filtered, sorted and paged by the backend; CSV export. */
export function EntityTable(props: EntityTableProps) {
  const readable = useReadableStyles();
  const { view } = props;
  const api = useApi(reliabilityApiRef);
  const alertApi = useApi(alertApiRef);
  const state = useEntityPage(view);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      saveBlob(
        await api.downloadCoverageCsv({
          filter: view.filter,
          sort: view.sort,
          order: view.order,
        }),
      );
    } catch (error) {
      alertApi.post({
        message: `CSV export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setDownloading(false);
    }
  };

  const items = state.page?.items ?? [];
  const first = (state.pageNumber - 1) * ENTITY_PAGE_SIZE + 1;
  return (
    <InfoCard
      title="Entities"
      subheader={
        state.totalCount === null
          ? undefined
          : `${state.totalCount} in-scope entities match these filters`
      }
      action={
        <Button
          startIcon={<GetAppIcon />}
          onClick={download}
          disabled={downloading}
        >
          Download CSV
        </Button>
      }
    >
      <CardError error={state.error} />
      {state.loading && <Progress />}
      <TableContainer>
        <Table size="small" className={readable.table} aria-label="Entities">
          <TableHead>
            <TableRow>
              <SortableHeader sort="name" label="Entity" view={view} />
              <TableCell>Owner</TableCell>
              <SortableHeader
                sort="tier"
                label="Tier"
                view={view}
                align="right"
              />
              <SortableHeader
                sort="score"
                label="Score"
                view={view}
                align="right"
              />
              <SortableHeader sort="verdict" label="Verdict" view={view} />
              <SortableHeader
                sort="maturity"
                label="Maturity"
                view={view}
                align="right"
              />
              {FLAGS.map(([flag, label]) => (
                <TableCell key={flag} align="center">
                  {label}
                </TableCell>
              ))}
              <TableCell align="center">Waived</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(item => (
              <EntityRow key={item.entityRef} item={item} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {state.page && items.length === 0 && (
        <Typography>No in-scope entities match these filters.</Typography>
      )}
      <Box
        display="flex"
        alignItems="center"
        justifyContent="flex-end"
        mt={1}
        style={{ gap: 8 }}
      >
        {items.length > 0 && (
          <Typography variant="body2">
            {first}–{first + items.length - 1}
            {state.totalCount !== null && ` of ${state.totalCount}`}
          </Typography>
        )}
        <Button
          onClick={state.previous}
          disabled={!state.hasPrevious || state.loading}
        >
          Previous
        </Button>
        <Button
          onClick={state.next}
          disabled={!state.page?.nextCursor || state.loading}
        >
          Next
        </Button>
      </Box>
    </InfoCard>
  );
}
