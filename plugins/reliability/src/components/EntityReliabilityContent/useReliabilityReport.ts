import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';

export interface ReliabilityReportState {
  report?: ReliabilityReport;
  loading: boolean;
  error?: Error;
  /** Fetches the report again, e.g. after a refresh, attestation or waiver. */
  retry: () => void;
}

/** Loads the stored reliability report of an entity; reloads when the entity changes. */
export function useReliabilityReport(entity: Entity): ReliabilityReportState {
  const api = useApi(reliabilityApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getReport({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  return { report: value, loading, error, retry };
}
