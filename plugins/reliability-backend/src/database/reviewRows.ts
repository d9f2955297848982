import type {
  Attestation,
  Review,
  ReviewHistoryAction,
  ReviewHistoryEntry,
  ReviewSnapshot,
  ReviewStatus,
  Waiver,
  WaiverStatus,
} from '@reliability-suite/plugin-reliability-common';

/** Row shapes of the review tables and their mapping to the wire types. */

export type AttestationRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  version: number;
  evidence_url: string;
  comment: string;
  attested_by: string;
  attested_at: string;
  expires_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
  revoke_comment: string | null;
};

export type WaiverRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  sequence: number;
  justification: string;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  version: number;
};

export type ReviewRow = {
  id: string;
  entity_ref: string;
  sequence: number;
  status: string;
  requested_by: string;
  requested_at: string;
  request_comment: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  snapshot: string | null;
  version: number;
};

export type HistoryRow = {
  id: number | string;
  entity_ref: string;
  check_id: string | null;
  action: string;
  subject_id: string;
  subject_version: number;
  actor: string;
  occurred_at: string;
  comment: string | null;
  details: string | null;
};

export function toAttestation(row: AttestationRow): Attestation {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    evidenceUrl: row.evidence_url,
    comment: row.comment,
    attestedBy: row.attested_by,
    attestedAt: row.attested_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    version: Number(row.version),
  };
}

export function toWaiver(row: WaiverRow): Waiver {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    justification: row.justification,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    status: row.status as WaiverStatus,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    version: Number(row.version),
  };
}

export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    status: row.status as ReviewStatus,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    requestComment: row.request_comment,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    snapshot: row.snapshot
      ? (JSON.parse(row.snapshot) as ReviewSnapshot)
      : null,
    version: Number(row.version),
  };
}

export function toHistoryEntry(row: HistoryRow): ReviewHistoryEntry {
  return {
    id: String(row.id),
    entityRef: row.entity_ref,
    checkId: row.check_id,
    action: row.action as ReviewHistoryAction,
    actor: row.actor,
    occurredAt: row.occurred_at,
    subjectId: row.subject_id,
    subjectVersion: Number(row.subject_version),
    comment: row.comment,
    details: row.details ? JSON.parse(row.details) : {},
  };
}
