import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type Permission,
} from '@backstage/plugin-permission-common';
import {
  reliabilityAttestPermission,
  reliabilityAttestationRevokePermission,
  reliabilityCoverageReadPermission,
  reliabilityRefreshPermission,
  reliabilityReviewRequestPermission,
  reliabilityReviewSignOffPermission,
  reliabilityWaiverApprovePermission,
  reliabilityWaiverRequestPermission,
} from '@reliability-suite/plugin-reliability-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import {
  ReliabilityDemoPermissionPolicy,
  reliabilityDemoPermissionPolicyModule,
} from './permissionPolicy';
import { authWithActors } from './__testUtils__/authWithActors';

jest.setTimeout(60_000);

const GUEST = 'user:default/guest';
const SRE_LEAD = 'user:default/sre-lead';
const OUTSIDER = 'user:default/mallory';

const memberships: Record<string, string[]> = {
  [GUEST]: [GUEST, 'group:default/checkout-team'],
  [SRE_LEAD]: [SRE_LEAD, 'group:default/sre-core'],
  [OUTSIDER]: [OUTSIDER, 'group:default/data-team'],
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

function query(permission: Permission) {
  return { permission };
}

describe('ReliabilityDemoPermissionPolicy', () => {
  const policy = new ReliabilityDemoPermissionPolicy(userInfo);
  const asUser = (ref: string) => ({
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [] },
  });

  it.each([
    reliabilityAttestPermission,
    reliabilityAttestationRevokePermission,
    reliabilityWaiverRequestPermission,
    reliabilityReviewRequestPermission,
  ])('makes $name conditional on owning the entity', async permission => {
    await expect(
      policy.handle(query(permission), asUser(GUEST)),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'reliability',
      resourceType: 'reliability-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'reliability-entity',
        params: { claims: memberships[GUEST] },
      },
    });
  });

  it.each([
    reliabilityWaiverApprovePermission,
    reliabilityReviewSignOffPermission,
  ])('allows $name to sre-core members only', async permission => {
    await expect(
      policy.handle(query(permission), asUser(SRE_LEAD)),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle(query(permission), asUser(GUEST)),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('denies reliability writes without a user', async () => {
    await expect(
      policy.handle(query(reliabilityAttestPermission)),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle(query(reliabilityWaiverApprovePermission)),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it.each([
    reliabilityCoverageReadPermission,
    reliabilityRefreshPermission,
    {
      type: 'basic' as const,
      name: 'catalog.entity.read',
      attributes: { action: 'read' as const },
    },
  ])('lets everyone $name', async permission => {
    await expect(
      policy.handle(query(permission), asUser(OUTSIDER)),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});

describe('the demo policy in a backend with the reliability plugin', () => {
  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'checkout-team', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout-api',
        namespace: 'default',
        annotations: { 'reliability/tier': '1' },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'checkout-team',
      },
    },
  ];
  const attestations =
    '/api/reliability/v1/entities/component/default/checkout-api/checks/rollback-plan/attestations';

  it('resolves IS_ENTITY_OWNER through the permission backend and the catalog', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        reliabilityDemoPermissionPolicyModule,
        reliabilityPlugin,
        catalogServiceMock.factory({ entities }),
        userInfo.factory,
        authWithActors,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const { port } = server.address() as { port: number };
    const post = (user: string, path: string, body: object) =>
      fetch(`http://localhost:${port}${path}`, {
        method: 'POST',
        headers: {
          Authorization: mockCredentials.user.header(user),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    const allowedFor = async (user: string) => {
      const res = await fetch(
        `http://localhost:${port}/api/reliability/v1/entities/component/default/checkout-api/review-state`,
        { headers: { Authorization: mockCredentials.user.header(user) } },
      );
      return (await res.json()).allowed;
    };
    await expect(allowedFor(GUEST)).resolves.toEqual({
      attest: true,
      revokeAttestation: true,
      requestWaiver: true,
      approveWaiver: false,
      requestReview: true,
      signOffReview: false,
    });
    await expect(allowedFor(SRE_LEAD)).resolves.toEqual({
      attest: false,
      revokeAttestation: false,
      requestWaiver: false,
      approveWaiver: true,
      requestReview: false,
      signOffReview: true,
    });

    const evidence = {
      evidenceUrl: 'https://wiki.example.com/rollback',
      comment: 'Rollback drill in staging',
    };

    const byOutsider = await post(OUTSIDER, attestations, {
      ...evidence,
      expectedVersion: 0,
    });
    expect(byOutsider.status).toBe(403);
    const bySre = await post(SRE_LEAD, attestations, {
      ...evidence,
      expectedVersion: 0,
    });
    expect(bySre.status).toBe(403);

    const byOwner = await post(GUEST, attestations, {
      ...evidence,
      expectedVersion: 0,
    });
    expect(byOwner.status).toBe(201);

    const review = await post(
      GUEST,
      '/api/reliability/v1/entities/component/default/checkout-api/reviews',
      { comment: 'Launch review' },
    );
    expect(review.status).toBe(201);
    const { review: created } = await review.json();
    const signOffPath = `/api/reliability/v1/entities/component/default/checkout-api/reviews/${created.id}/sign-off`;
    expect(
      (await post(GUEST, signOffPath, { comment: 'mine', expectedVersion: 1 }))
        .status,
    ).toBe(403);
    expect(
      (
        await post(SRE_LEAD, signOffPath, {
          comment: 'Signed off',
          expectedVersion: 1,
        })
      ).status,
    ).toBe(200);
  });
});
