import type {
  CheckReviewState,
  EntityReviewState,
  LatestReviewResponse,
  Review,
  ReviewHistoryPage,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';

/** Review data of the checkout fixture, as `GET .../review-state` returns it. */

export const rollbackPlanState: CheckReviewState = {
  checkId: 'rollback-plan',
  title: 'Rollback plan',
  kind: 'attested',
  validityDays: 365,
  attestation: {
    id: 'att-2',
    entityRef: 'component:default/checkout',
    checkId: 'rollback-plan',
    evidenceUrl: 'https://wiki.example.com/checkout/rollback',
    comment: 'Rolled back v41 in staging in 4 minutes',
    attestedBy: 'user:default/guest',
    attestedAt: '2026-10-01T09:00:00.000Z',
    expiresAt: '2027-10-01T09:00:00.000Z',
    revokedAt: null,
    revokedBy: null,
    version: 2,
  },
  attestationVersion: 2,
  waivers: [],
  waiverVersion: 0,
};

export const loadTestWaiver: Waiver = {
  id: '5d0f3a52-62a4-4f43-9d7e-0c6f3d5b2a11',
  entityRef: 'component:default/checkout',
  checkId: 'load-test',
  justification: 'Load-test cluster is being rebuilt',
  requestedBy: 'user:default/guest',
  requestedAt: '2026-11-20T09:00:00.000Z',
  expiresAt: '2027-01-31T23:59:59.999Z',
  status: 'requested',
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
  version: 1,
};

export const loadTestState: CheckReviewState = {
  checkId: 'load-test',
  title: 'Load test',
  kind: 'attested',
  validityDays: 365,
  attestation: {
    id: 'att-9',
    entityRef: 'component:default/checkout',
    checkId: 'load-test',
    evidenceUrl: 'https://ci.example.com/load/17',
    comment: 'Peak x3 held',
    attestedBy: 'user:default/alice',
    attestedAt: '2025-10-01T09:00:00.000Z',
    expiresAt: '2026-10-01T09:00:00.000Z',
    revokedAt: null,
    revokedBy: null,
    version: 1,
  },
  attestationVersion: 1,
  waivers: [loadTestWaiver],
  waiverVersion: 1,
};

export const capacityReviewState: CheckReviewState = {
  checkId: 'capacity-review',
  title: 'Capacity review',
  kind: 'attested',
  validityDays: 180,
  attestation: null,
  attestationVersion: 0,
  waivers: [],
  waiverVersion: 0,
};

export const ownerState: CheckReviewState = {
  checkId: 'owner',
  title: 'Owner',
  kind: 'automatic',
  validityDays: null,
  attestation: null,
  attestationVersion: 0,
  waivers: [],
  waiverVersion: 0,
};

export const pendingReview: Review = {
  id: '0b8f6a43-1f0e-4d7c-9a55-3c1d2e4f5a66',
  entityRef: 'component:default/checkout',
  status: 'requested',
  requestedBy: 'user:default/guest',
  requestedAt: '2026-11-21T09:00:00.000Z',
  requestComment: 'Launch readiness for Black Friday',
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
  snapshot: null,
  version: 1,
};

export const signedOffReview: Review = {
  ...pendingReview,
  id: '7c2e1d40-5b3a-4e8f-8d2c-1a0b9c8d7e6f',
  status: 'signed-off',
  requestComment: 'Quarterly review',
  decidedBy: 'user:default/sre-lead',
  decidedAt: '2026-09-01T12:00:00.000Z',
  decisionComment: 'Ready; book the load test',
  snapshot: {
    score: 70,
    verdict: 'not-ready',
    evaluatedAt: '2026-09-01T11:50:00.000Z',
    checks: [
      { id: 'owner', state: 'pass', required: true },
      { id: 'rollback-plan', state: 'fail', required: true },
    ],
  },
  version: 2,
};

export const allowAll = {
  attest: true,
  revokeAttestation: true,
  requestWaiver: true,
  approveWaiver: true,
  requestReview: true,
  signOffReview: true,
};

export const checkoutReviewState: EntityReviewState = {
  entityRef: 'component:default/checkout',
  inScope: true,
  tier: 1,
  approverGroup: null,
  maxWaiverDays: 180,
  checks: [ownerState, rollbackPlanState, loadTestState, capacityReviewState],
  review: pendingReview,
  allowed: allowAll,
};

export const latestReviewResponse: LatestReviewResponse = {
  review: pendingReview,
  decided: signedOffReview,
  changes: [
    {
      checkId: 'rollback-plan',
      before: 'fail',
      after: 'pass',
      requiredBefore: true,
      requiredAfter: true,
    },
  ],
  current: {
    score: 80,
    verdict: 'not-ready',
    evaluatedAt: '2026-11-22T10:00:00.000Z',
  },
};

export const historyPage: ReviewHistoryPage = {
  items: [
    {
      id: '12',
      entityRef: 'component:default/checkout',
      checkId: 'load-test',
      action: 'waiver-requested',
      actor: 'user:default/guest',
      occurredAt: '2026-11-20T09:00:00.000Z',
      subjectId: loadTestWaiver.id,
      subjectVersion: 1,
      comment: 'Load-test cluster is being rebuilt',
      details: { expiresAt: '2027-01-31T23:59:59.999Z' },
    },
    {
      id: '11',
      entityRef: 'component:default/checkout',
      checkId: 'rollback-plan',
      action: 'attestation-created',
      actor: 'user:default/guest',
      occurredAt: '2026-10-01T09:00:00.000Z',
      subjectId: 'att-2',
      subjectVersion: 2,
      comment: 'Rolled back v41 in staging in 4 minutes',
      details: {},
    },
  ],
  nextCursor: '11',
};
