import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  GateDecision,
  ReliabilityReport,
  TierInfo,
} from '@reliability-suite/plugin-reliability-common';

/** `GET /v1/entities/{kind}/{namespace}/{name}/gate` (CONTRACT.md section 3). */
export interface ReliabilityGateResponse {
  decision: GateDecision;
  reasons: string[];
  entityRef?: string;
  tier?: TierInfo | null;
  evaluatedAt?: string;
}

/** Client of the reliability backend (`/api/reliability`). */
export interface ReliabilityApi {
  /** The stored reliability report of one entity. */
  getReport(entityRef: CompoundEntityRef): Promise<ReliabilityReport>;
  /** The release-gate decision of one entity. */
  getGate(entityRef: CompoundEntityRef): Promise<ReliabilityGateResponse>;
  /** Re-evaluates one entity now and returns its fresh report. */
  refresh(entityRef: CompoundEntityRef): Promise<ReliabilityReport>;
}

export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
