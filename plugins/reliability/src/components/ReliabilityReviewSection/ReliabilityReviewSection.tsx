import {
  getCompoundEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';
import { AttestationList } from '../AttestationList';
import { ReliabilityHistory } from '../ReliabilityHistory';
import { ReviewPanel } from '../ReviewPanel';
import { WaiverApprovalList } from '../WaiverApprovalList';
import { useReviewPermissions } from './useReviewPermissions';

export interface ReliabilityReviewSectionProps {
  entity: Entity;
  report: ReliabilityReport;
  /** Reloads the report: every write changes the score or verdict. */
  onReportChanged: () => void;
}

/**
 * The readiness-review part of the Reliability tab: attested checks with their evidence,
 * waivers, the review sign-off and the history of every write.
 */
export function ReliabilityReviewSection(props: ReliabilityReviewSectionProps) {
  const { entity, report, onReportChanged } = props;
  const api = useApi(reliabilityApiRef);
  const identityApi = useApi(identityApiRef);
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const resourceRef = stringifyEntityRef(entity);
  const [historyKey, setHistoryKey] = useState(0);

  const state = useAsyncRetry(
    async () =>
      Promise.all([
        api.getReviewState(entityRef),
        api.getLatestReview(entityRef),
      ]),
    [api, entityRef],
  );
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const [reviewState, latest] = state.value ?? [];
  const allowed = useReviewPermissions(resourceRef, reviewState);

  const { retry } = state;
  const onChanged = useCallback(() => {
    retry();
    setHistoryKey(key => key + 1);
    onReportChanged();
  }, [retry, onReportChanged]);

  if (state.error) {
    return <ResponseErrorPanel error={state.error} />;
  }
  if (!reviewState || !latest) {
    return <Progress />;
  }

  const titles = Object.fromEntries(
    reviewState.checks.map(check => [check.checkId, check.title]),
  );
  const currentUser = identity.value?.userEntityRef;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InfoCard title="Attested checks">
          <AttestationList
            entityRef={entityRef}
            checks={reviewState.checks.filter(c => c.kind === 'attested')}
            results={report.readiness?.checks ?? []}
            allowed={allowed}
            maxWaiverDays={reviewState.maxWaiverDays}
            onChanged={onChanged}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Readiness review">
          <ReviewPanel
            entityRef={entityRef}
            latest={latest}
            allowed={allowed}
            currentUser={currentUser}
            titles={titles}
            onChanged={onChanged}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title="Waivers">
          <WaiverApprovalList
            entityRef={entityRef}
            checks={reviewState.checks}
            allowed={allowed}
            currentUser={currentUser}
            approverGroup={reviewState.approverGroup}
            maxWaiverDays={reviewState.maxWaiverDays}
            onChanged={onChanged}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Review history">
          <ReliabilityHistory
            entityRef={entityRef}
            titles={titles}
            reloadKey={historyKey}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
