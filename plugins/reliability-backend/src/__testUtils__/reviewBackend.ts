import {
  createServiceFactory,
  type AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

export const ENTITIES = '/api/reliability/v1/entities';
export const CHECKOUT = `${ENTITIES}/component/default/checkout`;

/** The demo's roles: the owning team writes evidence, SRE approves. */
export const OWNER = 'user:default/guest';
export const SECOND_OWNER = 'user:default/alice';
export const APPROVER = 'user:default/sre-lead';
export const OUTSIDER = 'user:default/mallory';

const OWNER_PERMISSIONS = [
  'reliability.attestation.create',
  'reliability.attestation.revoke',
  'reliability.waiver.request',
  'reliability.review.request',
];

export const DEFAULT_GRANTS: Record<string, string[]> = {
  [OWNER]: OWNER_PERMISSIONS,
  [SECOND_OWNER]: OWNER_PERMISSIONS,
  [APPROVER]: [
    ...OWNER_PERMISSIONS,
    'reliability.waiver.approve',
    'reliability.review.sign-off',
  ],
};

export const DEFAULT_MEMBERSHIPS: Record<string, string[]> = {
  [OWNER]: ['group:default/team-a'],
  [SECOND_OWNER]: ['group:default/team-a'],
  [APPROVER]: ['group:default/sre-core'],
};

/**
 * Starts the real plugin against a mock catalog, with permission decisions per user (as a
 * permission policy would answer) and user memberships for approver groups.
 */
export async function startReviewBackend(options: {
  entities: Entity[];
  grants?: Record<string, string[]>;
  memberships?: Record<string, string[]>;
  policy?: JsonObject;
  knex?: Knex;
  /**
   * A service subject whose requests the catalog refuses, as the real catalog refuses a static
   * token whose access restrictions name only this plugin.
   */
  catalogRefuses?: string;
}) {
  const grants = options.grants ?? DEFAULT_GRANTS;
  const memberships = options.memberships ?? DEFAULT_MEMBERSHIPS;
  const userOf = (credentials: { principal: unknown }) =>
    (credentials.principal as { userEntityRef?: string }).userEntityRef ?? '';

  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      (requests as EvaluatePermissionRequest[]).map(({ permission }) => ({
        result: grants[userOf(credentials)]?.includes(permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
  });
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const userEntityRef = userOf(credentials);
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(memberships[userEntityRef] ?? []),
        ],
      };
    },
  });
  const events: Array<{
    eventId: string;
    meta?: JsonObject;
    outcome?: 'success' | 'fail';
    error?: string;
  }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId, meta }) => {
      const event: (typeof events)[number] = { eventId, meta };
      events.push(event);
      const handle: AuditorServiceEvent = {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async ({ error }) => {
          event.outcome = 'fail';
          event.error = error.message;
        },
      };
      return handle;
    },
  });

  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogFactory(options.entities, options.catalogRefuses),
      permissions.factory,
      userInfo.factory,
      auditor.factory,
      mockServices.rootConfig.factory({
        data: { reliability: { policy: options.policy ?? {} } },
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });

  const as = (user: string) => ({
    get: (path: string) =>
      request(server)
        .get(path)
        .set('Authorization', mockCredentials.user.header(user)),
    post: (path: string, body?: object) =>
      request(server)
        .post(path)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body),
  });

  return { server, as, events };
}

function catalogFactory(entities: Entity[], refusedSubject?: string) {
  if (!refusedSubject) {
    return catalogServiceMock.factory({ entities });
  }
  const catalog = catalogServiceMock({ entities });
  for (const method of ['getEntityByRef', 'getEntitiesByRefs'] as const) {
    const read = (catalog[method] as (...args: unknown[]) => unknown).bind(
      catalog,
    );
    (catalog as any)[method] = async (...args: unknown[]) => {
      const { credentials } = args[args.length - 1] as {
        credentials: { principal: { subject?: string } };
      };
      if (credentials.principal.subject === refusedSubject) {
        throw new NotAllowedError(
          "Access to target plugin 'catalog' is not included in token's access restrictions",
        );
      }
      return read(...args);
    };
  }
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}
