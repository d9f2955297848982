import { createCatalogFixture } from '../__testUtils__/fixtures';
import { expectToMatchSpec } from '../__testUtils__/openApiSpec';
import {
  APPROVER,
  CHECKOUT,
  DEFAULT_MEMBERSHIPS,
  ENTITIES,
  OWNER,
  SECOND_OWNER,
  startReviewBackend,
} from '../__testUtils__/reviewBackend';

jest.setTimeout(120_000);

const LOAD_TEST_WAIVERS = `${CHECKOUT}/checks/load-test/waivers`;
const PAYMENTS_DB = `${ENTITIES}/component/default/payments-db`;

function inDays(days: number): string {
  return new Date(Date.now() + days * 86400000).toISOString();
}

function checkOf(report: any, id: string) {
  return report.readiness.checks.find((c: any) => c.id === id);
}

describe('review routes: waivers and review sign-off', () => {
  let fixture: Awaited<ReturnType<typeof createCatalogFixture>>;

  beforeEach(async () => {
    fixture = await createCatalogFixture();
  });

  afterEach(async () => {
    await fixture.cleanup();
  });

  it('requests a waiver, refuses self-approval, and an approver turns the check waived', async () => {
    const { as, events } = await startReviewBackend({
      entities: fixture.entities,
    });
    const requested = await as(OWNER).post(LOAD_TEST_WAIVERS, {
      justification: 'Load-test cluster is being rebuilt until February',
      expiresAt: inDays(60),
      expectedVersion: 0,
    });
    expect(requested.status).toBe(201);
    expectToMatchSpec(requested);
    expect(requested.body.waiver).toMatchObject({
      checkId: 'load-test',
      status: 'requested',
      requestedBy: OWNER,
      version: 1,
    });
    expect(checkOf(requested.body.report, 'load-test').state).toBe('fail');
    const waiverId = requested.body.waiver.id;

    const duplicate = await as(SECOND_OWNER).post(LOAD_TEST_WAIVERS, {
      justification: 'Same again',
      expiresAt: inDays(30),
      expectedVersion: 1,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe(
      'A waiver for load-test is already awaiting approval; approve or reject it first',
    );

    const byOwner = await as(OWNER).post(
      `${CHECKOUT}/waivers/${waiverId}/approve`,
      { comment: 'Approving my own', expectedVersion: 1 },
    );
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.error.message).toBe(
      'You may not approve or reject waivers of component:default/checkout (permission reliability.waiver.approve)',
    );

    const ownRequest = await as(APPROVER).post(
      LOAD_TEST_WAIVERS.replace('load-test', 'capacity-review'),
      {
        justification: 'Capacity model pending the new traffic forecast',
        expiresAt: inDays(30),
        expectedVersion: 0,
      },
    );
    const selfApproval = await as(APPROVER).post(
      `${CHECKOUT}/waivers/${ownRequest.body.waiver.id}/approve`,
      { comment: 'Looks fine to me', expectedVersion: 1 },
    );
    expect(selfApproval.status).toBe(403);
    expectToMatchSpec(selfApproval);
    expect(selfApproval.body.error.message).toBe(
      'You requested this waiver; someone else must approve or reject it',
    );

    const approved = await as(APPROVER).post(
      `${CHECKOUT}/waivers/${waiverId}/approve`,
      { comment: 'OK until the cluster is back', expectedVersion: 1 },
    );
    expect(approved.status).toBe(200);
    expectToMatchSpec(approved);
    expect(approved.body.waiver).toMatchObject({
      status: 'approved',
      decidedBy: APPROVER,
      decisionComment: 'OK until the cluster is back',
      version: 2,
    });
    const check = checkOf(approved.body.report, 'load-test');
    expect(check).toMatchObject({
      state: 'waived',
      underlyingState: 'fail',
      waiver: { id: waiverId, decidedBy: APPROVER, requestedBy: OWNER },
    });

    const stale = await as(APPROVER).post(
      `${CHECKOUT}/waivers/${waiverId}/reject`,
      { comment: 'Changed my mind', expectedVersion: 1 },
    );
    expect(stale.status).toBe(409);
    expectToMatchSpec(stale);

    const state = await as(APPROVER).get(`${CHECKOUT}/review-state`);
    const loadTest = state.body.checks.find(
      (c: any) => c.checkId === 'load-test',
    );
    expect(loadTest).toMatchObject({ waiverVersion: 1 });
    expect(loadTest.waivers.map((w: any) => w.status)).toEqual(['approved']);
    expect(state.body.allowed.approveWaiver).toBe(true);

    expect(
      events.map(e => [e.eventId, (e.meta as any).decision, e.outcome]),
    ).toEqual([
      ['waiver-request', undefined, 'success'],
      ['waiver-request', undefined, 'fail'],
      ['waiver-decide', 'approved', 'fail'],
      ['waiver-request', undefined, 'success'],
      ['waiver-decide', 'approved', 'fail'],
      ['waiver-decide', 'approved', 'success'],
      ['waiver-decide', 'rejected', 'fail'],
    ]);
  });

  it('rejects a waiver with a comment; the check stays failing', async () => {
    const { as } = await startReviewBackend({ entities: fixture.entities });
    const requested = await as(OWNER).post(LOAD_TEST_WAIVERS, {
      justification: 'No time',
      expiresAt: inDays(90),
      expectedVersion: 0,
    });
    const rejected = await as(APPROVER).post(
      `${CHECKOUT}/waivers/${requested.body.waiver.id}/reject`,
      { comment: 'Run the load test before the peak', expectedVersion: 1 },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.waiver).toMatchObject({
      status: 'rejected',
      decisionComment: 'Run the load test before the peak',
    });
    expect(checkOf(rejected.body.report, 'load-test').state).toBe('fail');

    const missingComment = await as(APPROVER).post(
      `${CHECKOUT}/waivers/${requested.body.waiver.id}/reject`,
      { expectedVersion: 2 },
    );
    expect(missingComment.status).toBe(400);
    expect(missingComment.body.error.message).toBe(
      'Invalid comment: is required',
    );
  });

  it('lets only the tier approver group approve when the policy names one', async () => {
    const policy = {
      waivers: {
        maxDays: 30,
        approverGroups: { '0': 'group:default/sre-core' },
      },
    };
    const { as } = await startReviewBackend({
      entities: fixture.entities,
      policy,
      memberships: { ...DEFAULT_MEMBERSHIPS, [APPROVER]: [] },
    });
    const tooLong = await as(OWNER).post(
      `${PAYMENTS_DB}/checks/dr-test/waivers`,
      {
        justification: 'Restore drill next month',
        expiresAt: inDays(45),
        expectedVersion: 0,
      },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(
      /^Invalid expiresAt: a waiver may last at most 30 days/,
    );

    const requested = await as(OWNER).post(
      `${PAYMENTS_DB}/checks/dr-test/waivers`,
      {
        justification: 'Restore drill next month',
        expiresAt: inDays(20),
        expectedVersion: 0,
      },
    );
    expect(requested.status).toBe(201);
    const notMember = await as(APPROVER).post(
      `${PAYMENTS_DB}/waivers/${requested.body.waiver.id}/approve`,
      { comment: 'ok', expectedVersion: 1 },
    );
    expect(notMember.status).toBe(403);
    expect(notMember.body.error.message).toBe(
      'Only members of group:default/sre-core may approve or reject waivers of tier-0 entities',
    );
    const state = await as(APPROVER).get(`${PAYMENTS_DB}/review-state`);
    expect(state.body).toMatchObject({
      tier: 0,
      approverGroup: 'group:default/sre-core',
      maxWaiverDays: 30,
      allowed: { approveWaiver: false },
    });

    const withMembership = await startReviewBackend({
      entities: fixture.entities,
      policy,
      grants: { [OWNER]: ['reliability.waiver.request'] },
      memberships: { [SECOND_OWNER]: ['group:default/sre-core'] },
    });
    const request2 = await withMembership
      .as(OWNER)
      .post(`${PAYMENTS_DB}/checks/dr-test/waivers`, {
        justification: 'Restore drill next month',
        expiresAt: inDays(20),
        expectedVersion: 0,
      });
    const approved = await withMembership
      .as(SECOND_OWNER)
      .post(`${PAYMENTS_DB}/waivers/${request2.body.waiver.id}/approve`, {
        comment: 'SRE core approves',
        expectedVersion: 1,
      });
    expect(approved.status).toBe(200);
    expect(checkOf(approved.body.report, 'dr-test').state).toBe('waived');
  });

  it('signs off a review with a snapshot and shows what changed since', async () => {
    const { as } = await startReviewBackend({ entities: fixture.entities });

    const empty = await as(OWNER).get(`${CHECKOUT}/reviews/latest`);
    expect(empty.status).toBe(200);
    expectToMatchSpec(empty);
    expect(empty.body).toMatchObject({
      review: null,
      decided: null,
      changes: [],
    });

    const requested = await as(OWNER).post(`${CHECKOUT}/reviews`, {
      comment: 'Launch readiness for Black Friday',
    });
    expect(requested.status).toBe(201);
    expectToMatchSpec(requested);
    const reviewId = requested.body.review.id;

    const again = await as(SECOND_OWNER).post(`${CHECKOUT}/reviews`, {});
    expect(again.status).toBe(409);

    const byOwner = await as(OWNER).post(
      `${CHECKOUT}/reviews/${reviewId}/sign-off`,
      { comment: 'lgtm', expectedVersion: 1 },
    );
    expect(byOwner.status).toBe(403);

    const signed = await as(APPROVER).post(
      `${CHECKOUT}/reviews/${reviewId}/sign-off`,
      { comment: 'Ready, with the load test booked', expectedVersion: 1 },
    );
    expect(signed.status).toBe(200);
    expectToMatchSpec(signed);
    expect(signed.body.review).toMatchObject({
      status: 'signed-off',
      decidedBy: APPROVER,
      decisionComment: 'Ready, with the load test booked',
      version: 2,
    });
    const snapshot = signed.body.review.snapshot;
    expect(snapshot.checks).toContainEqual({
      id: 'rollback-plan',
      state: 'fail',
      required: true,
    });
    expect(snapshot.score).toBe(signed.body.report.readiness.score);

    await as(OWNER).post(`${CHECKOUT}/checks/rollback-plan/attestations`, {
      evidenceUrl: 'https://wiki.example.com/rollback',
      comment: 'Drill done',
      expectedVersion: 0,
    });
    const latest = await as(OWNER).get(`${CHECKOUT}/reviews/latest`);
    expect(latest.status).toBe(200);
    expectToMatchSpec(latest);
    expect(latest.body.review.id).toBe(reviewId);
    expect(latest.body.decided.id).toBe(reviewId);
    expect(latest.body.changes).toEqual([
      {
        checkId: 'rollback-plan',
        before: 'fail',
        after: 'pass',
        requiredBefore: true,
        requiredAfter: true,
      },
    ]);
    expect(latest.body.current.score).toBeGreaterThan(snapshot.score);

    const next = await as(OWNER).post(`${CHECKOUT}/reviews`, {
      expectedVersion: 1,
    });
    expect(next.status).toBe(201);
    const pending = await as(OWNER).get(`${CHECKOUT}/reviews/latest`);
    expect(pending.body.review).toMatchObject({ status: 'requested' });
    expect(pending.body.decided.id).toBe(reviewId);

    const rejected = await as(APPROVER).post(
      `${CHECKOUT}/reviews/${next.body.review.id}/reject`,
      { comment: 'Dashboards missing for the new region', expectedVersion: 1 },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.review.status).toBe('rejected');

    const history = await as(OWNER).get(`${CHECKOUT}/history`);
    expect(history.body.items.map((i: any) => i.action)).toEqual([
      'review-rejected',
      'review-requested',
      'attestation-created',
      'review-signed-off',
      'review-requested',
    ]);
  });
});
