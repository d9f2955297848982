import type { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  CheckReviewState,
  ReviewActions,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../../api';
import { formatDate } from '../../lib/format';
import { CommentDialog } from '../CommentDialog';
import { WaiverDialog } from '../WaiverDialog';
import { useReadableStyles } from '../../lib/readableStyles';

export interface WaiverApprovalListProps {
  entityRef: CompoundEntityRef;
  /** Every check's review state: its pending and active waivers, and the request targets. */
  checks: CheckReviewState[];
  allowed: Pick<ReviewActions, 'requestWaiver' | 'approveWaiver'>;
  /** The signed-in user: nobody approves their own request. */
  currentUser?: string;
  /** Set when the policy names the group that approves this entity's waivers. */
  approverGroup: string | null;
  maxWaiverDays: number;
  onChanged: () => void;
}

type Decision = { waiver: Waiver; action: 'approve' | 'reject' } | undefined;

function sameRef(a?: string, b?: string) {
  return Boolean(a && b && a.toLowerCase() === b.toLowerCase());
}

/** Pending and active waivers, with approve/reject for approvers and a request form for owners. */
export function WaiverApprovalList(props: WaiverApprovalListProps) {
  const readable = useReadableStyles();
  const { entityRef, checks, allowed, currentUser, approverGroup, onChanged } =
    props;
  const api = useApi(reliabilityApiRef);
  const [requesting, setRequesting] = useState(false);
  const [decision, setDecision] = useState<Decision>();
  const titleOf = (checkId: string) =>
    checks.find(c => c.checkId === checkId)?.title ?? checkId;
  const waivers = checks.flatMap(c => c.waivers);

  return (
    <>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="body2" color="textSecondary">
          {approverGroup ? (
            <>
              Members of{' '}
              <EntityDisplayName entityRef={approverGroup} hideIcon /> approve
              this entity's waivers.
            </>
          ) : (
            'Waiver approvers approve or reject each request.'
          )}
        </Typography>
        {allowed.requestWaiver && (
          <Button
            size="small"
            variant="outlined"
            onClick={() => setRequesting(true)}
          >
            Request waiver
          </Button>
        )}
      </Box>
      {waivers.length === 0 ? (
        <Typography color="textSecondary">
          No pending or active waivers.
        </Typography>
      ) : (
        <List dense aria-label="Waivers">
          {waivers.map(waiver => {
            const pending = waiver.status === 'requested';
            const own = sameRef(waiver.requestedBy, currentUser);
            return (
              <ListItem
                key={waiver.id}
                divider
                data-testid={`waiver-${waiver.id}`}
              >
                <ListItemText
                  className={readable.wrapText}
                  primary={
                    <>
                      {titleOf(waiver.checkId)}{' '}
                      <Chip
                        size="small"
                        label={pending ? 'Awaiting approval' : 'Approved'}
                        color={pending ? 'default' : 'primary'}
                      />
                    </>
                  }
                  secondary={
                    <>
                      “{waiver.justification}” — requested by{' '}
                      <EntityDisplayName
                        entityRef={waiver.requestedBy}
                        hideIcon
                      />{' '}
                      on {formatDate(waiver.requestedAt)}, until{' '}
                      {formatDate(waiver.expiresAt)}
                      {waiver.decidedBy && (
                        <>
                          ; approved by{' '}
                          <EntityDisplayName
                            entityRef={waiver.decidedBy}
                            hideIcon
                          />
                          {waiver.decisionComment &&
                            `: “${waiver.decisionComment}”`}
                        </>
                      )}
                    </>
                  }
                />
                {pending && allowed.approveWaiver && !own && (
                  <Box display="flex" flexShrink={0}>
                    <Button
                      size="small"
                      color="primary"
                      onClick={() => setDecision({ waiver, action: 'approve' })}
                    >
                      Approve
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setDecision({ waiver, action: 'reject' })}
                    >
                      Reject
                    </Button>
                  </Box>
                )}
                {pending && allowed.approveWaiver && own && (
                  <Typography variant="caption" color="textSecondary">
                    Your request: another approver decides
                  </Typography>
                )}
              </ListItem>
            );
          })}
        </List>
      )}
      {requesting && (
        <WaiverDialog
          entityRef={entityRef}
          checks={checks}
          maxDays={props.maxWaiverDays}
          onClose={() => setRequesting(false)}
          onSaved={onChanged}
        />
      )}
      <CommentDialog
        open={Boolean(decision)}
        title={`${
          decision?.action === 'approve' ? 'Approve' : 'Reject'
        } the waiver of ${decision ? titleOf(decision.waiver.checkId) : ''}`}
        description={
          decision?.action === 'approve'
            ? `The check counts as waived until ${formatDate(
                decision.waiver.expiresAt,
              )}.`
            : 'The check keeps its state; the requester sees your comment.'
        }
        confirmLabel={decision?.action === 'approve' ? 'Approve' : 'Reject'}
        successMessage={
          decision
            ? `${
                decision.action === 'approve' ? 'Approved' : 'Rejected'
              } the waiver of ${titleOf(decision.waiver.checkId)}.`
            : undefined
        }
        commentRequired
        onClose={() => setDecision(undefined)}
        onSubmit={async comment => {
          const { waiver, action } = decision!;
          await api.decideWaiver(entityRef, waiver.id, action, {
            comment,
            expectedVersion: waiver.version,
          });
          onChanged();
        }}
      />
    </>
  );
}
