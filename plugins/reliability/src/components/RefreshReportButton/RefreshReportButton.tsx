import {
  getCompoundEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  reliabilityRefreshPermission,
  type ReliabilityReport,
  type Verdict,
} from '@reliability-suite/plugin-reliability-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { reliabilityApiRef } from '../../api';

const VERDICT_WORDS: Record<Verdict, string> = {
  ready: 'ready',
  'ready-with-waivers': 'ready with waivers',
  'not-ready': 'not ready',
};

/** What a refresh found, so the reader knows it ran: "Re-evaluated: readiness 67 / 100, not ready." */
export function refreshedMessage(report: ReliabilityReport): string {
  const readiness = report.readiness;
  if (!readiness) {
    return 'Re-evaluated: no readiness score for this entity.';
  }
  const verdict = VERDICT_WORDS[readiness.verdict];
  return `Re-evaluated: readiness ${readiness.score} / 100, ${verdict}.`;
}

export interface RefreshReportButtonProps {
  entity: Entity;
  /** Called after the backend re-evaluated the entity, to load the fresh report. */
  onRefreshed: () => void;
}

/** Re-evaluates the entity now instead of waiting for the next scheduled run. */
export function RefreshReportButton(props: RefreshReportButtonProps) {
  const { entity, onRefreshed } = props;
  const api = useApi(reliabilityApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: reliabilityRefreshPermission,
    resourceRef: stringifyEntityRef(entity),
  });
  const [{ loading }, refresh] = useAsyncFn(async () => {
    try {
      const report = await api.refresh(getCompoundEntityRef(entity));
      onRefreshed();
      alertApi.post({
        message: refreshedMessage(report),
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `Could not refresh the reliability report: ${error}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, entity, onRefreshed]);

  return (
    <Button
      size="small"
      variant="outlined"
      onClick={refresh}
      disabled={!allowed || loading}
      title={
        allowed
          ? 'Evaluate this entity again now'
          : 'You may not refresh this report'
      }
      startIcon={loading ? <CircularProgress size={16} /> : <RefreshIcon />}
    >
      Refresh
    </Button>
  );
}
