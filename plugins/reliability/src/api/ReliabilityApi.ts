import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  CoverageGroupBy,
  CoverageMeasure,
  CoverageResponse,
  EntityListFilter,
  EntityListResponse,
  EntitySort,
  HeatmapResponse,
  HistoryResponse,
  InboxResponse,
  MoversResponse,
  SloHistoryResponse,
  SloStatusOverview,
  TargetsResponse,
} from '@reliability-suite/plugin-reliability-common';
import type {
  AttestationWriteResponse,
  EntityReviewState,
  GateResponse,
  LatestReviewResponse,
  ReliabilityReport,
  ReviewHistoryPage,
  ReviewWriteResponse,
  WaiverWriteResponse,
} from '@reliability-suite/plugin-reliability-common';

/** `GET /v1/entities/{kind}/{namespace}/{name}/gate`. */
export type ReliabilityGateResponse = GateResponse;

/** Client of the reliability backend (`/api/reliability`). */
export interface ReliabilityApi {
  /** The stored reliability report of one entity. */
  getReport(entityRef: CompoundEntityRef): Promise<ReliabilityReport>;
  /** The live-status history of one SLO (its burn-down chart), `days` back (default 30). */
  getSloHistory(
    entityRef: CompoundEntityRef,
    slo: string,
    days?: number,
  ): Promise<SloHistoryResponse>;
  /** SLO counts per live state and the SLOs burning now. */
  getSloStatusOverview(limit?: number): Promise<SloStatusOverview>;
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

  // Coverage, the leads' view. Without `lifecycle` the policy's coverage lifecycles count.

  /** Coverage rows by tier, owner (rolled up the group tree) or system. */
  getCoverage(
    groupBy: CoverageGroupBy,
    filter?: EntityListFilter,
  ): Promise<CoverageResponse>;
  /** The configured targets, each met, on track or off track. */
  getCoverageTargets(): Promise<TargetsResponse>;
  /** The pending waivers and reviews the signed-in user may decide, oldest first. */
  getInbox(): Promise<InboxResponse>;
  /** Daily series by tier or team. */
  getCoverageHistory(options: {
    groupBy: 'tier' | 'owner';
    days?: number;
    filter?: EntityListFilter;
  }): Promise<HistoryResponse>;
  /** The most improved and most regressed teams over 30 and 90 days. */
  getCoverageMovers(options: {
    measure?: CoverageMeasure;
    limit?: number;
    filter?: EntityListFilter;
  }): Promise<MoversResponse>;
  /** Failing and waived checks per team. */
  getCoverageHeatmap(filter?: EntityListFilter): Promise<HeatmapResponse>;
  /** One page of the entities behind the figures. */
  listCoverageEntities(options: {
    filter?: EntityListFilter;
    sort?: EntitySort;
    order?: 'asc' | 'desc';
    limit?: number;
    cursor?: string;
  }): Promise<EntityListResponse>;
  /** The CSV export of the same filtered set (all pages). */
  downloadCoverageCsv(options: {
    filter?: EntityListFilter;
    sort?: EntitySort;
    order?: 'asc' | 'desc';
  }): Promise<Blob>;
}

export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
