import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import { reliabilityDemoPermissionPolicyModule } from './permissionPolicy';
import { authWithActors } from './__testUtils__/authWithActors';

jest.setTimeout(120_000);

const GUEST = 'user:default/guest';
const SRE_LEAD = 'user:default/sre-lead';

const memberships: Record<string, string[]> = {
  [GUEST]: [GUEST, 'group:default/checkout-team'],
  [SRE_LEAD]: [SRE_LEAD, 'group:default/sre-core'],
};

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const userEntityRef = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef,
      ownershipEntityRefs: memberships[userEntityRef] ?? [userEntityRef],
    };
  },
});

const user = (name: string, group: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [group] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
});
const group = (name: string, members: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: members.map(member => ({
    type: 'hasMember',
    targetRef: `user:default/${member}`,
  })),
});

// The catalog as the notifications backend reads it to resolve recipients: an entity
// notifies its owner group's members, a group its members.
const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    title: 'Checkout API',
    annotations: { 'reliability/tier': '1' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/checkout-team' }],
};
const entities: Entity[] = [
  user('guest', 'checkout-team'),
  user('sre-lead', 'sre-core'),
  group('checkout-team', ['guest']),
  group('sre-core', ['sre-lead']),
  checkoutApi,
];

const CHECKOUT = '/api/reliability/v1/entities/component/default/checkout-api';

async function startPortal() {
  const { server } = await startTestBackend({
    features: [
      notificationsPlugin,
      permissionPlugin,
      reliabilityDemoPermissionPolicyModule,
      reliabilityPlugin,
      catalogServiceMock.factory({ entities }),
      userInfo.factory,
      authWithActors,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          permission: { enabled: true },
          reliability: {
            notifications: { approvers: ['group:default/sre-core'] },
          },
        },
      }),
    ],
  });
  const { port } = server.address() as { port: number };
  const call = (who: string, path: string, body?: object) =>
    fetch(`http://localhost:${port}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        Authorization: mockCredentials.user.header(who),
        'Content-Type': 'application/json',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const notificationsOf = async (who: string) => {
    const res = await call(who, '/api/notifications/notifications');
    expect(res.status).toBe(200);
    return (await res.json()).notifications as Array<{
      origin: string;
      payload: Record<string, string>;
    }>;
  };
  /** The drain runs on the scheduler: wait until `who` has `count` notifications. */
  const waitFor = async (who: string, count: number) => {
    for (let i = 0; i < 60; i++) {
      const list = await notificationsOf(who);
      if (list.length >= count) {
        return list;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    throw new Error(`${who} never got ${count} notifications`);
  };

  return { call, notificationsOf, waitFor };
}

describe('reliability notifications through the notifications backend', () => {
  it('tells the approvers of a waiver request, and the requester of the decision', async () => {
    const { call, notificationsOf, waitFor } = await startPortal();

    const requested = await call(
      GUEST,
      `${CHECKOUT}/checks/load-test/waivers`,
      {
        justification: 'Load-test cluster is being rebuilt',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        expectedVersion: 0,
      },
    );
    expect(requested.status).toBe(201);
    const { waiver } = await requested.json();

    const [forApprover] = await waitFor(SRE_LEAD, 1);
    expect(forApprover.origin).toBe('plugin:reliability');
    expect(forApprover.payload).toMatchObject({
      title: 'Waiver waiting for approval: Checkout API, Load test',
      link: '/reliability/inbox',
      topic: 'Waiting for approval',
      scope: `reliability:waiver:${waiver.id}`,
    });
    // The requester is not told of their own request.
    await expect(notificationsOf(GUEST)).resolves.toEqual([]);

    const approved = await call(
      SRE_LEAD,
      `${CHECKOUT}/waivers/${waiver.id}/approve`,
      { comment: 'Fine until the rebuild', expectedVersion: 1 },
    );
    expect(approved.status).toBe(200);

    const [forRequester] = await waitFor(GUEST, 1);
    expect(forRequester.payload).toMatchObject({
      title: 'Waiver approved: Checkout API, Load test',
      link: '/catalog/default/component/checkout-api/reliability#check-load-test',
      topic: 'Approval decision',
    });
    // Sent once: a later drain adds nothing.
    await new Promise(resolve => setTimeout(resolve, 1500));
    await expect(notificationsOf(SRE_LEAD)).resolves.toHaveLength(1);
    await expect(notificationsOf(GUEST)).resolves.toHaveLength(1);
  });

  it('tells the owners of a readiness regression once, and updates that one notification later', async () => {
    const { call, notificationsOf, waitFor } = await startPortal();
    const annotations = checkoutApi.metadata.annotations!;
    const refresh = async () => {
      const res = await call(GUEST, `${CHECKOUT}/refresh`, {});
      expect(res.status).toBe(200);
    };
    annotations['pagerduty.com/service-id'] = 'PCHECK1';
    await refresh(); // the first evaluation is the baseline

    // A catalog change: the on-call annotation is gone, a required check fails.
    delete annotations['pagerduty.com/service-id'];
    await refresh();
    const [regression] = await waitFor(GUEST, 1);
    expect(regression.payload).toMatchObject({
      title: 'Checkout API: readiness regressed',
      topic: 'Readiness regression',
      link: '/catalog/default/component/checkout-api/reliability#check-oncall',
      scope: 'reliability:readiness:component:default/checkout-api',
    });

    // The next evaluation finds the same state: nothing new.
    await refresh();
    // Fixed, then broken again: the same notification is updated, not repeated.
    annotations['pagerduty.com/service-id'] = 'PCHECK1';
    await refresh();
    delete annotations['pagerduty.com/service-id'];
    await refresh();
    for (let i = 0; i < 40; i++) {
      const [only] = await notificationsOf(GUEST);
      if ((only as { updated?: string }).updated) {
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    const list = await notificationsOf(GUEST);
    expect(list).toHaveLength(1);
    expect((list[0] as { updated?: string }).updated).toBeTruthy();
    // Not the approvers' business.
    await expect(notificationsOf(SRE_LEAD)).resolves.toEqual([]);
  });
});
