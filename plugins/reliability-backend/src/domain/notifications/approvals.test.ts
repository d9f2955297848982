import type {
  Review,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';
import {
  approverRecipients,
  decideReviewDecided,
  decideReviewRequested,
  decideWaiverDecided,
  decideWaiverRequested,
} from './approvals';

const REF = 'component:default/checkout-api';
const waiver: Waiver = {
  id: 'w1',
  entityRef: REF,
  checkId: 'slo',
  justification: 'Migrating to the new SLO format',
  requestedBy: 'user:default/owner',
  requestedAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2027-01-15T23:59:59.999Z',
  status: 'requested',
  version: 1,
};
const review: Review = {
  id: 'r1',
  entityRef: REF,
  status: 'requested',
  requestedBy: 'user:default/owner',
  requestedAt: '2026-12-01T10:00:00.000Z',
  requestComment: 'Before the launch',
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
  snapshot: null,
  version: 1,
};
const approvers = ['group:default/sre-core'];

describe('approverRecipients', () => {
  it('uses the tier group when there is one, else the fallback', () => {
    expect(
      approverRecipients('group:default/sre-core', ['user:default/a']),
    ).toEqual(['group:default/sre-core']);
    expect(approverRecipients(null, ['user:default/a'])).toEqual([
      'user:default/a',
    ]);
    expect(approverRecipients(null, [])).toEqual([]);
  });
});

describe('decideWaiverRequested', () => {
  it('asks the approvers, not the requester, to decide in the inbox', () => {
    expect(
      decideWaiverRequested(waiver, {
        entityRef: REF,
        entityTitle: 'Checkout API',
        checkTitle: 'SLO defined',
        approvers,
      }),
    ).toEqual({
      key: 'waiver-requested:w1',
      recipients: approvers,
      excludeRefs: ['user:default/owner'],
      payload: {
        title: 'Waiver waiting for approval: Checkout API, SLO defined',
        description:
          'Requested until 2027-01-15: "Migrating to the new SLO format". Approve or reject it in your inbox.',
        link: '/reliability/inbox',
        severity: 'normal',
        topic: 'Waiting for approval',
        scope: 'reliability:waiver:w1',
      },
    });
  });

  it('is null without approvers or once decided', () => {
    expect(
      decideWaiverRequested(waiver, { entityRef: REF, approvers: [] }),
    ).toBeNull();
    expect(
      decideWaiverRequested(
        { ...waiver, status: 'approved' },
        { entityRef: REF, approvers },
      ),
    ).toBeNull();
  });
});

describe('decideWaiverDecided', () => {
  it('tells the requester an approval and until when', () => {
    const intent = decideWaiverDecided(
      { ...waiver, status: 'approved', decisionComment: 'OK for now' },
      { entityRef: REF },
    );
    expect(intent).toMatchObject({
      key: 'waiver-decided:w1',
      recipients: ['user:default/owner'],
      payload: {
        title: 'Waiver approved: checkout-api, slo',
        link: '/catalog/default/component/checkout-api/reliability#check-slo',
        topic: 'Approval decision',
        scope: 'reliability:waiver:w1',
        severity: 'normal',
      },
    });
    expect(intent?.payload.description).toBe(
      'The check counts as waived until 2027-01-15. "OK for now" Fix it before then.',
    );
  });

  it('tells the requester a rejection and what to do', () => {
    const intent = decideWaiverDecided(
      { ...waiver, status: 'rejected' },
      { entityRef: REF },
    );
    expect(intent?.payload.severity).toBe('high');
    expect(intent?.payload.description).toContain('request a new waiver');
  });

  it.each(['requested', 'revoked'] as const)('is null for %s', status => {
    expect(
      decideWaiverDecided({ ...waiver, status }, { entityRef: REF }),
    ).toBeNull();
  });
});

describe('decideReviewRequested', () => {
  it('asks the approvers to sign off', () => {
    const intent = decideReviewRequested(review, { entityRef: REF, approvers });
    expect(intent).toMatchObject({
      key: 'review-requested:r1',
      recipients: approvers,
      excludeRefs: ['user:default/owner'],
      payload: {
        link: '/reliability/inbox',
        scope: 'reliability:review:r1',
        description:
          '"Before the launch" Sign it off or reject it in your inbox.',
      },
    });
  });

  it('is null without approvers or once decided', () => {
    expect(
      decideReviewRequested(review, { entityRef: REF, approvers: [] }),
    ).toBeNull();
    expect(
      decideReviewRequested(
        { ...review, status: 'signed-off' },
        { entityRef: REF, approvers },
      ),
    ).toBeNull();
  });

  it('omits a missing request comment', () => {
    expect(
      decideReviewRequested(
        { ...review, requestComment: null },
        { entityRef: REF, approvers },
      )?.payload.description,
    ).toBe('Sign it off or reject it in your inbox.');
  });
});

describe('decideReviewDecided', () => {
  it.each([
    ['signed-off', 'Readiness review signed off: checkout-api', 'normal'],
    ['rejected', 'Readiness review rejected: checkout-api', 'high'],
  ] as const)('tells the requester %s', (status, title, severity) => {
    expect(
      decideReviewDecided({ ...review, status }, { entityRef: REF }),
    ).toMatchObject({
      key: 'review-decided:r1',
      recipients: ['user:default/owner'],
      payload: { title, severity, topic: 'Approval decision' },
    });
  });

  it('is null while requested', () => {
    expect(decideReviewDecided(review, { entityRef: REF })).toBeNull();
  });
});
