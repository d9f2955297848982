import type { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  ReviewHistoryAction,
  ReviewHistoryEntry,
} from '@reliability-suite/plugin-reliability-common';
import { useEffect, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { reliabilityApiRef } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useReadableStyles } from '../../lib/readableStyles';

export const HISTORY_ACTION_LABELS: Record<ReviewHistoryAction, string> = {
  'attestation-created': 'Attested',
  'attestation-revoked': 'Revoked attestation',
  'waiver-requested': 'Requested waiver',
  'waiver-approved': 'Approved waiver',
  'waiver-rejected': 'Rejected waiver',
  'review-requested': 'Requested review',
  'review-signed-off': 'Signed off review',
  'review-rejected': 'Rejected review',
};

export interface ReliabilityHistoryProps {
  entityRef: CompoundEntityRef;
  /** Check titles by id. */
  titles: Record<string, string>;
  /** Changes whenever the caller wrote something, to start again from the newest entry. */
  reloadKey?: number;
  pageSize?: number;
}

/** The append-only record of every attestation, waiver and review of the entity. */
export function ReliabilityHistory(props: ReliabilityHistoryProps) {
  const readable = useReadableStyles();
  const { entityRef, titles, reloadKey, pageSize = 10 } = props;
  const api = useApi(reliabilityApiRef);
  const [items, setItems] = useState<ReviewHistoryEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const { kind, namespace, name } = entityRef;

  const [state, load] = useAsyncFn(
    async (after?: string) => {
      const page = await api.getReviewHistory(
        { kind, namespace, name },
        { limit: pageSize, cursor: after },
      );
      setItems(previous => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
    },
    [api, kind, namespace, name, pageSize],
  );

  useEffect(() => {
    load();
  }, [load, reloadKey]);

  if (state.error) {
    return <ResponseErrorPanel error={state.error} />;
  }
  if (state.loading && items.length === 0) {
    return <Progress />;
  }
  if (items.length === 0) {
    return (
      <Typography color="textSecondary">
        Nothing attested, waived or reviewed yet.
      </Typography>
    );
  }
  return (
    <>
      <TableContainer>
        <Table
          size="small"
          className={readable.table}
          aria-label="Review history"
        >
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>What</TableCell>
              <TableCell>Comment</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(item => (
              <TableRow key={item.id} data-testid={`history-${item.id}`}>
                <TableCell>{formatDateTime(item.occurredAt)}</TableCell>
                <TableCell>
                  <EntityDisplayName entityRef={item.actor} hideIcon />
                </TableCell>
                <TableCell>
                  {HISTORY_ACTION_LABELS[item.action] ?? item.action}
                  {item.checkId && ` · ${titles[item.checkId] ?? item.checkId}`}
                </TableCell>
                <TableCell>{item.comment}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {cursor && (
        <Button
          size="small"
          onClick={() => load(cursor)}
          disabled={state.loading}
        >
          Load older entries
        </Button>
      )}
    </>
  );
}
