import type {
  Attestation,
  CheckKind,
  CheckState,
  ReliabilityReport,
  Verdict,
  Waiver,
} from './types';

/**
 * Wire types of the readiness-review API (attestations, waivers, review sign-off, history):
 * what `/api/reliability/v1/entities/{kind}/{namespace}/{name}/...` returns and the frontend renders.
 */

export type ReviewStatus = 'requested' | 'signed-off' | 'rejected';

/** One check's state as recorded when a review was decided. */
export interface ReviewSnapshotCheck {
  id: string;
  state: CheckState;
  required: boolean;
}

/** The entity's readiness at the moment a review was signed off or rejected. */
export interface ReviewSnapshot {
  score: number | null;
  verdict: Verdict | null;
  /** When the report the snapshot was taken from was evaluated. */
  evaluatedAt: string;
  checks: ReviewSnapshotCheck[];
}

export interface Review {
  id: string;
  entityRef: string;
  status: ReviewStatus;
  requestedBy: string;
  requestedAt: string;
  requestComment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  /** Set when the review was decided. */
  snapshot: ReviewSnapshot | null;
  /** Optimistic-concurrency version of this review: send it back as `expectedVersion`. */
  version: number;
}

/** How one check changed between a decided review's snapshot and the current report. */
export interface CheckStateChange {
  checkId: string;
  /** Null when the check did not exist (or was not evaluated) at that time. */
  before: CheckState | null;
  after: CheckState | null;
  requiredBefore: boolean | null;
  requiredAfter: boolean | null;
}

/** `GET .../reviews/latest`. */
export interface LatestReviewResponse {
  /** The most recent review in any status (a pending request included). */
  review: Review | null;
  /** The most recent signed-off or rejected review: the baseline of `changes`. */
  decided: Review | null;
  /** Checks whose state or required flag differs between `decided.snapshot` and the current report. */
  changes: CheckStateChange[];
  current: {
    score: number | null;
    verdict: Verdict | null;
    evaluatedAt: string;
  } | null;
}

export type ReviewHistoryAction =
  | 'attestation-created'
  | 'attestation-revoked'
  | 'waiver-requested'
  | 'waiver-approved'
  | 'waiver-rejected'
  | 'review-requested'
  | 'review-signed-off'
  | 'review-rejected';

/** One append-only history entry: every write on an entity's review data. */
export interface ReviewHistoryEntry {
  id: string;
  entityRef: string;
  checkId: string | null;
  action: ReviewHistoryAction;
  actor: string;
  occurredAt: string;
  /** The attestation, waiver or review the write concerned. */
  subjectId: string;
  /** That subject's version after the write. */
  subjectVersion: number;
  comment: string | null;
  details: Record<string, unknown>;
}

/** `GET .../history`. */
export interface ReviewHistoryPage {
  items: ReviewHistoryEntry[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Per-check review data of one entity, with the versions a write must be based on. */
export interface CheckReviewState {
  checkId: string;
  title: string;
  kind: CheckKind;
  /** How long an attestation of this check stays valid; null for automatic checks. */
  validityDays: number | null;
  /** The current (latest, not revoked) attestation; it may be expired. */
  attestation: Attestation | null;
  /** `expectedVersion` for attest and revoke (0 before the first attestation). */
  attestationVersion: number;
  /** Waivers still relevant: pending requests and approved ones not yet expired. */
  waivers: Waiver[];
  /** `expectedVersion` for a waiver request: the number of waivers ever requested for this check. */
  waiverVersion: number;
}

/** What the calling user may do on this entity (the frontend also asks `usePermission`). */
export interface ReviewActions {
  attest: boolean;
  revokeAttestation: boolean;
  requestWaiver: boolean;
  approveWaiver: boolean;
  requestReview: boolean;
  signOffReview: boolean;
}

/** `GET .../review-state`. */
export interface EntityReviewState {
  entityRef: string;
  inScope: boolean;
  tier: number | null;
  /** The group whose members approve this entity's waivers, when the policy names one for its tier. */
  approverGroup: string | null;
  maxWaiverDays: number;
  checks: CheckReviewState[];
  /** The latest review in any status. */
  review: Review | null;
  allowed: ReviewActions;
}

/** Every write answers with what it wrote and the entity's report re-evaluated after it. */
export interface AttestationWriteResponse {
  attestation: Attestation;
  /** Null only when the re-evaluation failed; the write itself stands. */
  report: ReliabilityReport | null;
}

export interface WaiverWriteResponse {
  waiver: Waiver;
  report: ReliabilityReport | null;
}

export interface ReviewWriteResponse {
  review: Review;
  report: ReliabilityReport | null;
}

/** Longest accepted comment or justification, in characters. */
export const MAX_REVIEW_COMMENT_LENGTH = 2000;

/** One waiver or review the signed-in user may decide (`GET /v1/inbox`). */
export interface InboxItem {
  type: 'waiver' | 'review';
  /** The waiver's or review's id. */
  id: string;
  entityRef: string;
  /** The entity's title, else its name. */
  entityTitle: string;
  /** The waived check (waivers only). */
  checkId: string | null;
  checkTitle: string | null;
  requestedBy: string;
  /** The requester's display name, else their user name. */
  requesterName: string;
  requestedAt: string;
  /** The waiver's justification, or the review request's comment. */
  justification: string | null;
  /** When the waiver would end (waivers only). */
  expiresAt: string | null;
  /** Send back as `expectedVersion` when deciding. */
  version: number;
}

/** `GET /v1/inbox`: oldest request first. */
export interface InboxResponse {
  items: InboxItem[];
}
