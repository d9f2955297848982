import type {
  Attestation,
  Review,
  ReviewHistoryEntry,
  ReviewSnapshot,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';
import type { ReviewFactsReader } from '../services/types';

/** Who wrote, when, and why: recorded on the write and in the history. */
export interface ReviewWriteContext {
  /** Lower-case entity ref, `kind:namespace/name`. */
  entityRef: string;
  /** The acting user's entity ref. */
  actor: string;
  /** ISO timestamp of the write. */
  at: string;
}

/** The current attestation state of one check. */
export interface AttestationState {
  /** The latest version unless it revoked the one before; may be expired. */
  current: Attestation | null;
  /** Highest version so far (0 when never attested): the base of the next write. */
  version: number;
}

/** Everything the review-state endpoint shows for one entity, read in one go. */
export interface EntityReviewData {
  attestations: Map<string, AttestationState>;
  /** Every waiver of the entity, newest first. */
  waivers: Waiver[];
  /** Per check: how many waivers were ever requested (the base of the next request). */
  waiverSequences: Map<string, number>;
  /** The latest review in any status. */
  latestReview: Review | null;
}

export interface ReviewHistoryQuery {
  limit: number;
  /** Return entries older than this history id (from a previous page's `nextCursor`). */
  before?: number;
}

/** Approved waivers and current attestations whose expiry falls in a window. */
export interface ExpiringReviewItems {
  /** Soonest first. */
  waivers: Waiver[];
  /** Soonest first; only the current, unrevoked version of each check. */
  attestations: Attestation[];
}

/**
 * All SQL of readiness reviews. Every write runs in one transaction together with its
 * history entry, and is based on a version: a write whose version is stale throws
 * `ConflictError` and changes nothing.
 */
export interface ReviewStore extends ReviewFactsReader {
  getEntityReviewData(entityRef: string): Promise<EntityReviewData>;

  /** Every version of one check's attestation, newest first. */
  listAttestationVersions(
    entityRef: string,
    checkId: string,
  ): Promise<Attestation[]>;

  createAttestation(
    context: ReviewWriteContext,
    input: {
      checkId: string;
      evidenceUrl: string;
      comment: string;
      expiresAt: string;
      expectedVersion: number;
    },
  ): Promise<Attestation>;

  /** Writes a new version that revokes the current attestation. */
  revokeAttestation(
    context: ReviewWriteContext,
    input: { checkId: string; comment: string | null; expectedVersion: number },
  ): Promise<Attestation>;

  createWaiver(
    context: ReviewWriteContext,
    input: {
      checkId: string;
      justification: string;
      expiresAt: string;
      /** The check's waiver sequence the request was based on. */
      expectedVersion: number;
    },
  ): Promise<Waiver>;

  getWaiver(entityRef: string, waiverId: string): Promise<Waiver | undefined>;

  decideWaiver(
    context: ReviewWriteContext,
    input: {
      waiverId: string;
      status: 'approved' | 'rejected';
      comment: string;
      expectedVersion: number;
    },
  ): Promise<Waiver>;

  createReview(
    context: ReviewWriteContext,
    input: { comment: string | null; expectedVersion?: number },
  ): Promise<Review>;

  getReview(entityRef: string, reviewId: string): Promise<Review | undefined>;

  /** The latest review, or the latest signed-off or rejected one with `decidedOnly`. */
  getLatestReview(
    entityRef: string,
    options?: { decidedOnly?: boolean },
  ): Promise<Review | undefined>;

  decideReview(
    context: ReviewWriteContext,
    input: {
      reviewId: string;
      status: 'signed-off' | 'rejected';
      comment: string;
      snapshot: ReviewSnapshot;
      expectedVersion: number;
    },
  ): Promise<Review>;

  /** Every waiver and review still waiting for a decision, oldest first. */
  listPendingDecisions(): Promise<{ waivers: Waiver[]; reviews: Review[] }>;

  /** Current attestations and approved waivers whose expiry lies in (after, until]. */
  listExpiring(
    after: string,
    until: string,
  ): Promise<{ attestations: Attestation[]; waivers: Waiver[] }>;

  /** Per entity with a signed-off review: the latest sign-off, and whether a review is requested. */
  listLatestSignOffs(): Promise<
    Array<{ entityRef: string; signedOffAt: string; reviewPending: boolean }>
  >;
  /**
   * What expires after `after` and at or before `until` (ISO timestamps), at most `limit` of
   * each kind, soonest first.
   */
  listExpiringWithin(window: {
    after: string;
    until: string;
    limit: number;
  }): Promise<ExpiringReviewItems>;

  /** History entries of one entity, newest first. */
  listHistory(
    entityRef: string,
    query: ReviewHistoryQuery,
  ): Promise<{ items: ReviewHistoryEntry[]; nextCursor: number | null }>;
}
