import type { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type {
  CheckStateChange,
  LatestReviewResponse,
  Review,
  ReviewActions,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../../api';
import { formatDate } from '../../lib/format';
import { CheckStateChip } from '../CheckStateChip';
import { CommentDialog } from '../CommentDialog';

export interface ReviewPanelProps {
  entityRef: CompoundEntityRef;
  latest: LatestReviewResponse;
  allowed: Pick<ReviewActions, 'requestReview' | 'signOffReview'>;
  currentUser?: string;
  /** Check titles by id, for the list of changes. */
  titles: Record<string, string>;
  onChanged: () => void;
}

type OpenDialog = 'request' | 'sign-off' | 'reject' | undefined;

const OUTCOME: Record<Review['status'], string> = {
  requested: 'Awaiting sign-off',
  'signed-off': 'Signed off',
  rejected: 'Rejected',
};

function Change(props: { change: CheckStateChange; title: string }) {
  const { change, title } = props;
  return (
    <Box
      component="li"
      display="flex"
      alignItems="center"
      style={{ gap: 8 }}
      data-testid={`change-${change.checkId}`}
    >
      <Typography variant="body2" component="span">
        {title}:
      </Typography>
      {change.before ? (
        <CheckStateChip state={change.before} size="small" />
      ) : (
        <Typography variant="body2" component="span">
          new
        </Typography>
      )}
      <span aria-label="became">→</span>
      {change.after ? (
        <CheckStateChip state={change.after} size="small" />
      ) : (
        <Typography variant="body2" component="span">
          removed
        </Typography>
      )}
      {change.requiredBefore !== change.requiredAfter &&
        change.requiredBefore !== null &&
        change.requiredAfter !== null && (
          <Typography variant="caption" color="textSecondary">
            {change.requiredAfter ? 'now required' : 'no longer required'}
          </Typography>
        )}
    </Box>
  );
}

/** The last review, its outcome, approver and date, what changed since, and the review actions. */
export function ReviewPanel(props: ReviewPanelProps) {
  const { entityRef, latest, allowed, currentUser, titles, onChanged } = props;
  const api = useApi(reliabilityApiRef);
  const [dialog, setDialog] = useState<OpenDialog>();
  const { review, decided, changes } = latest;
  const pending = review?.status === 'requested' ? review : undefined;
  const ownRequest =
    pending && currentUser?.toLowerCase() === pending.requestedBy.toLowerCase();

  return (
    <>
      {!review && (
        <Typography color="textSecondary">No readiness review yet.</Typography>
      )}
      {decided && (
        <Box mb={2} data-testid="decided-review">
          <Typography variant="subtitle1">
            {OUTCOME[decided.status]} by{' '}
            <EntityDisplayName entityRef={decided.decidedBy!} hideIcon /> on{' '}
            {formatDate(decided.decidedAt!)}
          </Typography>
          {decided.decisionComment && (
            <Typography variant="body2">“{decided.decisionComment}”</Typography>
          )}
          {decided.snapshot?.score !== null && decided.snapshot && (
            <Typography variant="body2" color="textSecondary">
              Score then {decided.snapshot.score}
              {latest.current?.score !== null &&
                latest.current &&
                `, now ${latest.current.score}`}
            </Typography>
          )}
          <Typography variant="subtitle2" component="h4">
            Changes since
          </Typography>
          {changes.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No check changed state.
            </Typography>
          ) : (
            <Box component="ul" m={0} pl={2}>
              {changes.map(change => (
                <Change
                  key={change.checkId}
                  change={change}
                  title={titles[change.checkId] ?? change.checkId}
                />
              ))}
            </Box>
          )}
        </Box>
      )}
      {pending && (
        <Box mb={2} data-testid="pending-review">
          <Typography variant="subtitle1">
            Review requested by{' '}
            <EntityDisplayName entityRef={pending.requestedBy} hideIcon /> on{' '}
            {formatDate(pending.requestedAt)}
          </Typography>
          {pending.requestComment && (
            <Typography variant="body2">“{pending.requestComment}”</Typography>
          )}
          {allowed.signOffReview && !ownRequest && (
            <Box mt={1} display="flex" style={{ gap: 8 }}>
              <Button
                variant="contained"
                color="primary"
                size="small"
                onClick={() => setDialog('sign-off')}
              >
                Sign off
              </Button>
              <Button
                variant="outlined"
                size="small"
                onClick={() => setDialog('reject')}
              >
                Reject
              </Button>
            </Box>
          )}
          {allowed.signOffReview && ownRequest && (
            <Typography variant="caption" color="textSecondary">
              Your request: another approver signs it off
            </Typography>
          )}
        </Box>
      )}
      {!pending && allowed.requestReview && (
        <Button
          variant="outlined"
          size="small"
          onClick={() => setDialog('request')}
        >
          Request review
        </Button>
      )}
      <CommentDialog
        open={dialog === 'request'}
        title="Request a readiness review"
        description="An approver signs it off or rejects it; the sign-off records every check's state."
        confirmLabel="Request review"
        successMessage="Requested a readiness review: an approver signs it off or rejects it."
        commentRequired={false}
        onClose={() => setDialog(undefined)}
        onSubmit={async comment => {
          await api.requestReview(entityRef, {
            comment: comment || undefined,
          });
          onChanged();
        }}
      />
      <CommentDialog
        open={dialog === 'sign-off' || dialog === 'reject'}
        title={
          dialog === 'reject' ? 'Reject the review' : 'Sign off the review'
        }
        description={
          dialog === 'reject'
            ? 'Say what has to change before a sign-off.'
            : 'The current state of every check is recorded with your sign-off.'
        }
        confirmLabel={dialog === 'reject' ? 'Reject' : 'Sign off'}
        successMessage={
          dialog === 'reject'
            ? 'Rejected the review: the owners see your comment.'
            : 'Signed off the review with the state of every check.'
        }
        commentRequired
        onClose={() => setDialog(undefined)}
        onSubmit={async comment => {
          await api.decideReview(
            entityRef,
            pending!.id,
            dialog === 'reject' ? 'reject' : 'sign-off',
            { comment, expectedVersion: pending!.version },
          );
          onChanged();
        }}
      />
    </>
  );
}
