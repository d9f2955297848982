import { parseEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { InboxItem } from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';
import { formatDate } from '../../lib/format';
import { CommentDialog } from '../CommentDialog';

type Decision = { item: InboxItem; approve: boolean } | undefined;

/** The entity's Reliability tab, at the waived check's row for a waiver. */
export function itemPath(item: InboxItem): string {
  const { kind, namespace, name } = parseEntityRef(item.entityRef);
  const base = `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/reliability`;
  return item.checkId ? `${base}#check-${item.checkId}` : base;
}

/** The label of the positive decision: waivers are approved, reviews signed off. */
function approveLabel(item: InboxItem): string {
  return item.type === 'waiver' ? 'Approve' : 'Sign off';
}

/** The label of a decision's button and dialog. */
function decisionLabel(decision: { item: InboxItem; approve: boolean }) {
  return decision.approve ? approveLabel(decision.item) : 'Reject';
}

function describe(item: InboxItem): string {
  return item.type === 'waiver'
    ? `Waiver of ${item.checkTitle ?? item.checkId}`
    : 'Readiness review';
}

/**
 * The approver inbox: every pending waiver and review the signed-in user may decide, with
 * approve/reject (sign off/reject for reviews) in place.
 */
export function ApproverInbox() {
  const api = useApi(reliabilityApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getInbox(),
    [api],
  );
  const [decision, setDecision] = useState<Decision>();
  const items = value?.items ?? [];

  const decide = async (comment: string) => {
    const { item, approve } = decision!;
    const ref = parseEntityRef(item.entityRef);
    const body = { comment, expectedVersion: item.version };
    if (item.type === 'waiver') {
      await api.decideWaiver(
        ref,
        item.id,
        approve ? 'approve' : 'reject',
        body,
      );
    } else {
      await api.decideReview(
        ref,
        item.id,
        approve ? 'sign-off' : 'reject',
        body,
      );
    }
    retry();
  };

  return (
    <Page themeId="tool">
      <Header
        title="Approvals"
        subtitle="Waivers and readiness reviews waiting for your decision"
      />
      <Content>
        {loading && !value && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && items.length === 0 && (
          <Typography color="textSecondary">
            Nothing is waiting for your decision.
          </Typography>
        )}
        {items.length > 0 && (
          <List aria-label="Waiting for your decision">
            {items.map(item => (
              <ListItem
                key={`${item.type}-${item.id}`}
                divider
                data-testid={`inbox-${item.id}`}
              >
                <ListItemText
                  primary={
                    <>
                      <Link to={itemPath(item)}>{item.entityTitle}</Link>
                      {' — '}
                      {describe(item)} <Chip size="small" label={item.type} />
                    </>
                  }
                  secondary={
                    <>
                      {item.justification && `“${item.justification}” — `}
                      requested by {item.requesterName} on{' '}
                      {formatDate(item.requestedAt)}
                      {item.expiresAt &&
                        `, until ${formatDate(item.expiresAt)}`}
                    </>
                  }
                />
                <Box display="flex" flexShrink={0}>
                  <Button
                    size="small"
                    color="primary"
                    onClick={() => setDecision({ item, approve: true })}
                  >
                    {approveLabel(item)}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => setDecision({ item, approve: false })}
                  >
                    Reject
                  </Button>
                </Box>
              </ListItem>
            ))}
          </List>
        )}
        <CommentDialog
          open={Boolean(decision)}
          title={
            decision
              ? `${decisionLabel(decision)} ${describe(
                  decision.item,
                ).toLocaleLowerCase('en-US')} for ${decision.item.entityTitle}`
              : ''
          }
          description={
            decision?.approve && decision.item.expiresAt
              ? `The check counts as waived until ${formatDate(
                  decision.item.expiresAt,
                )}.`
              : `${
                  decision?.item.requesterName ?? 'The requester'
                } is notified with your comment.`
          }
          confirmLabel={decision ? decisionLabel(decision) : ''}
          commentRequired
          onClose={() => setDecision(undefined)}
          onSubmit={decide}
        />
      </Content>
    </Page>
  );
}
