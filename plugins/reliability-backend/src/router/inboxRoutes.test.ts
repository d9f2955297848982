import type { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createCatalogFixture } from '../__testUtils__/fixtures';
import { expectToMatchSpec } from '../__testUtils__/openApiSpec';
import {
  APPROVER,
  CHECKOUT,
  ENTITIES,
  OUTSIDER,
  OWNER,
  SECOND_OWNER,
  startReviewBackend,
} from '../__testUtils__/reviewBackend';

jest.setTimeout(120_000);

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

const guestUser: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'guest', namespace: 'default' },
  spec: { profile: { displayName: 'Guest Owner' }, memberOf: ['team-a'] },
};

describe('GET /v1/inbox', () => {
  let fixture: Awaited<ReturnType<typeof createCatalogFixture>>;

  beforeEach(async () => {
    fixture = await createCatalogFixture();
  });

  afterEach(async () => {
    await fixture.cleanup();
  });

  it('lists what the user may decide, with names, and drops it once decided', async () => {
    const { as } = await startReviewBackend({
      entities: [...fixture.entities, guestUser],
    });
    const waiver = await as(OWNER).post(
      `${CHECKOUT}/checks/load-test/waivers`,
      {
        justification: 'Load-test cluster is being rebuilt',
        expiresAt: inDays(30),
        expectedVersion: 0,
      },
    );
    expect(waiver.status).toBe(201);
    const review = await as(SECOND_OWNER).post(
      `${ENTITIES}/component/default/search/reviews`,
      { comment: 'Before the launch' },
    );
    expect(review.status).toBe(201);
    // The approver's own request is not theirs to decide.
    expect(
      (
        await as(APPROVER).post(`${CHECKOUT}/checks/capacity-review/waivers`, {
          justification: 'Mine',
          expiresAt: inDays(30),
          expectedVersion: 0,
        })
      ).status,
    ).toBe(201);

    const inbox = await as(APPROVER).get('/api/reliability/v1/inbox');
    expect(inbox.status).toBe(200);
    expectToMatchSpec(inbox);
    expect(inbox.body.items).toEqual([
      {
        type: 'waiver',
        id: waiver.body.waiver.id,
        entityRef: 'component:default/checkout',
        entityTitle: 'checkout',
        checkId: 'load-test',
        checkTitle: 'Load test',
        requestedBy: OWNER,
        requesterName: 'Guest Owner',
        requestedAt: waiver.body.waiver.requestedAt,
        justification: 'Load-test cluster is being rebuilt',
        expiresAt: waiver.body.waiver.expiresAt,
        version: 1,
      },
      {
        type: 'review',
        id: review.body.review.id,
        entityRef: 'component:default/search',
        entityTitle: 'search',
        checkId: null,
        checkTitle: null,
        requestedBy: SECOND_OWNER,
        requesterName: SECOND_OWNER,
        requestedAt: review.body.review.requestedAt,
        justification: 'Before the launch',
        expiresAt: null,
        version: 1,
      },
    ]);

    // Owners and outsiders may decide nothing.
    for (const user of [OWNER, OUTSIDER]) {
      const other = await as(user).get('/api/reliability/v1/inbox');
      expect(other.body).toEqual({ items: [] });
    }

    await as(APPROVER).post(
      `${CHECKOUT}/waivers/${waiver.body.waiver.id}/approve`,
      { comment: 'OK', expectedVersion: 1 },
    );
    const after = await as(APPROVER).get('/api/reliability/v1/inbox');
    expect(after.body.items.map((i: { type: string }) => i.type)).toEqual([
      'review',
    ]);
  });

  it('follows the approver group of the tier when the policy names one', async () => {
    const { as } = await startReviewBackend({
      entities: fixture.entities,
      policy: {
        waivers: { approverGroups: { '1': 'group:default/tier1-approvers' } },
      },
      memberships: { [OUTSIDER]: ['group:default/tier1-approvers'] },
    });
    await as(OWNER).post(`${CHECKOUT}/checks/load-test/waivers`, {
      justification: 'Rebuild',
      expiresAt: inDays(30),
      expectedVersion: 0,
    });
    const forGroupMember = await as(OUTSIDER).get('/api/reliability/v1/inbox');
    expect(forGroupMember.body.items).toHaveLength(1);
    // The approve permission alone no longer suffices for tier 1.
    const forApprover = await as(APPROVER).get('/api/reliability/v1/inbox');
    expect(forApprover.body.items).toEqual([]);
  });

  it('is for users, not services', async () => {
    const { server } = await startReviewBackend({ entities: fixture.entities });
    const res = await request(server)
      .get('/api/reliability/v1/inbox')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(403);
  });
});
