import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  AttestationWriteResponse,
  EntityReviewState,
  GateDecision,
  LatestReviewResponse,
  ReliabilityReport,
  ReviewHistoryPage,
  ReviewWriteResponse,
  TierInfo,
  WaiverWriteResponse,
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

  // Readiness reviews. Every write sends the version it was based on (`expectedVersion`);
  // the backend answers 409 when someone else changed the same record meanwhile.

  /** Per-check attestations, waivers and versions, the latest review, and what the user may do. */
  getReviewState(entityRef: CompoundEntityRef): Promise<EntityReviewState>;
  attest(
    entityRef: CompoundEntityRef,
    checkId: string,
    body: { evidenceUrl: string; comment: string; expectedVersion: number },
  ): Promise<AttestationWriteResponse>;
  revokeAttestation(
    entityRef: CompoundEntityRef,
    checkId: string,
    body: { comment?: string; expectedVersion: number },
  ): Promise<AttestationWriteResponse>;
  requestWaiver(
    entityRef: CompoundEntityRef,
    checkId: string,
    body: { justification: string; expiresAt: string; expectedVersion: number },
  ): Promise<WaiverWriteResponse>;
  decideWaiver(
    entityRef: CompoundEntityRef,
    waiverId: string,
    decision: 'approve' | 'reject',
    body: { comment: string; expectedVersion: number },
  ): Promise<WaiverWriteResponse>;
  requestReview(
    entityRef: CompoundEntityRef,
    body: { comment?: string },
  ): Promise<ReviewWriteResponse>;
  decideReview(
    entityRef: CompoundEntityRef,
    reviewId: string,
    decision: 'sign-off' | 'reject',
    body: { comment: string; expectedVersion: number },
  ): Promise<ReviewWriteResponse>;
  /** The latest review, the latest decided one and what changed since. */
  getLatestReview(entityRef: CompoundEntityRef): Promise<LatestReviewResponse>;
  /** The entity's review history, newest first. */
  getReviewHistory(
    entityRef: CompoundEntityRef,
    page?: { limit?: number; cursor?: string },
  ): Promise<ReviewHistoryPage>;
}

export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
