import { promises as fs } from 'node:fs';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import { TABLES } from '../services/types';
import { expectToMatchSpec } from '../__testUtils__/openApiSpec';
import { CHECKOUT_SLOS, createCatalogFixture } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const BASE = '/api/reliability/v1/entities';

describe('report routes', () => {
  let fixture: Awaited<ReturnType<typeof createCatalogFixture>>;

  beforeEach(async () => {
    fixture = await createCatalogFixture();
  });

  afterEach(async () => {
    await fixture.cleanup();
  });

  async function startBackend(
    options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
  ) {
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({ entities: fixture.entities }),
        mockServices.permissions.factory({
          result: options.permission ?? AuthorizeResult.ALLOW,
        }),
      ],
    });
    return server;
  }

  describe('on each supported database', () => {
    const databases = TestDatabases.create({
      ids: ['POSTGRES_16', 'SQLITE_3'],
    });

    it.each(databases.eachSupportedId())(
      'runs the migrations and stores the report it serves, %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const { server } = await startTestBackend({
          features: [
            reliabilityPlugin,
            catalogServiceMock.factory({ entities: fixture.entities }),
            mockServices.database.factory({ knex }),
          ],
        });
        const res = await request(server).get(
          `${BASE}/component/default/checkout/report`,
        );
        expect(res.status).toBe(200);
        expectToMatchSpec(res);
        const row = await knex(TABLES.results)
          .where('entity_ref', 'component:default/checkout')
          .first();
        expect(row).toMatchObject({ tier: 1, verdict: 'not-ready' });
        expect(JSON.parse(row.report).entityRef).toBe(
          'component:default/checkout',
        );
        expect(await knex.schema.hasTable(TABLES.runs)).toBe(true);
      },
    );
  });

  it('reports a tier-1 service with its SLO file, on-call, runbooks and checks', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      `${BASE}/component/default/checkout/report`,
    );
    expect(res.status).toBe(200);
    expectToMatchSpec(res);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      inScope: true,
      tier: { level: 1, name: 'Tier 1' },
      slos: [
        {
          name: 'checkout-availability',
          sli: 'availability',
          target: 0.999,
          window: '28d',
          errorBudget: 0.001,
          source: 'openslo',
        },
      ],
      oncall: { provider: 'pagerduty', reference: 'PCHECK1' },
      runbooks: [
        {
          title: 'Checkout runbook',
          url: 'https://runbooks.example.com/checkout',
        },
      ],
      readiness: { verdict: 'not-ready' },
      maturity: { level: 1, expectedLevel: 3 },
      gate: { decision: 'block' },
    });
    const states = Object.fromEntries(
      res.body.readiness.checks.map((c: any) => [c.id, c.state]),
    );
    expect(states).toMatchObject({
      owner: 'pass',
      tier: 'pass',
      'slo-defined': 'pass',
      'slo-alerting': 'pass',
      oncall: 'pass',
      runbook: 'pass',
      'runbook-fresh': 'pass',
      dashboard: 'pass',
      docs: 'pass',
      'dependencies-tiered': 'pass',
      'rollback-plan': 'fail',
    });
    expect(Date.parse(res.body.evaluatedAt)).not.toBeNaN();
  });

  it('matches the kind case-insensitively', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      `${BASE}/Component/default/checkout/report`,
    );
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
  });

  it('returns 404 for an entity that is not in the catalog', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      `${BASE}/component/default/nowhere/report`,
    );
    expect(res.status).toBe(404);
    expectToMatchSpec(res);
    expect(res.body.error.message).toContain('component:default/nowhere');
  });

  it.each([
    ['kind', `${BASE}/comp%20onent/default/checkout/report`],
    ['namespace', `${BASE}/component/de%24fault/checkout/gate`],
    ['name', `${BASE}/component/default/${'x'.repeat(64)}/report`],
    ['name', `${BASE}/component/default/-bad-/gate`],
  ])('returns 400 naming the %s when it is malformed', async (field, url) => {
    const server = await startBackend();
    const res = await request(server).get(url);
    expect(res.status).toBe(400);
    expectToMatchSpec(res);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(
      new RegExp(`Invalid entity ${field}`),
    );
  });

  it('reports an out-of-scope entity with null readiness and maturity, and allows it', async () => {
    const server = await startBackend();
    const report = await request(server).get(
      `${BASE}/component/default/ui-kit/report`,
    );
    expect(report.status).toBe(200);
    expectToMatchSpec(report);
    expect(report.body).toMatchObject({
      inScope: false,
      readiness: null,
      maturity: null,
    });
    const gate = await request(server).get(
      `${BASE}/component/default/ui-kit/gate`,
    );
    expect(gate.status).toBe(200);
    expectToMatchSpec(gate);
    expect(gate.body.decision).toBe('allow');
  });

  it('decides the gate per tier: block, warn and allow', async () => {
    const server = await startBackend();
    const gate = async (name: string) => {
      const res = await request(server).get(
        `${BASE}/component/default/${name}/gate`,
      );
      expect(res.status).toBe(200);
      expectToMatchSpec(res);
      return res.body;
    };
    const blocked = await gate('payments-db');
    expect(blocked).toMatchObject({
      decision: 'block',
      entityRef: 'component:default/payments-db',
      tier: 0,
      enforced: true,
    });
    expect(blocked.reasons.join('\n')).toMatch(/SLO defined/);

    const warned = await gate('search');
    expect(warned).toMatchObject({
      decision: 'warn',
      tier: 2,
      enforced: false,
    });

    const allowed = await gate('newsletter');
    expect(allowed).toMatchObject({ decision: 'allow', tier: 3 });
  });

  it('serves the stored result until a refresh re-evaluates the entity', async () => {
    const server = await startBackend();
    const url = `${BASE}/component/default/checkout`;
    const first = await request(server).get(`${url}/report`);
    expect(first.body.slos[0].target).toBe(0.999);

    await fs.writeFile(fixture.sloFile, CHECKOUT_SLOS(0.995));
    const stillStored = await request(server).get(`${url}/report`);
    expect(stillStored.body.slos[0].target).toBe(0.999);
    expect(stillStored.body.evaluatedAt).toBe(first.body.evaluatedAt);

    const refreshed = await request(server).post(`${url}/refresh`);
    expect(refreshed.status).toBe(200);
    expectToMatchSpec(refreshed);
    expect(refreshed.body.slos[0].target).toBe(0.995);

    const after = await request(server).get(`${url}/report`);
    expect(after.body.slos[0].target).toBe(0.995);
  });

  it('refuses an unauthenticated refresh with 401', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post(`${BASE}/component/default/checkout/refresh`)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expectToMatchSpec(res);
  });

  it('refuses a refresh the permission policy denies with 403', async () => {
    const server = await startBackend({ permission: AuthorizeResult.DENY });
    const res = await request(server)
      .post(`${BASE}/component/default/checkout/refresh`)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/mallory'),
      );
    expect(res.status).toBe(403);
    expectToMatchSpec(res);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('lets CI read the gate with a service token', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(`${BASE}/component/default/newsletter/gate`)
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:ci'),
          targetPluginId: 'reliability',
        }),
      );
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('allow');
  });

  it('reads the catalog with its own credentials for a CI token restricted to this plugin', async () => {
    // As in the real backend: a static token with accessRestrictions [reliability] cannot be
    // forwarded to the catalog, which refuses any request made on its behalf.
    const catalog = catalogServiceMock({ entities: fixture.entities });
    const refuseExternal =
      <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const { credentials } = args[args.length - 1] as {
          credentials: { principal: { subject?: string } };
        };
        if (credentials.principal.subject === 'external:ci') {
          throw new NotAllowedError(
            "Access to target plugin 'catalog' is not included in token's access restrictions",
          );
        }
        return read(...args);
      };
    catalog.getEntitiesByRefs = refuseExternal(
      catalog.getEntitiesByRefs.bind(catalog),
    );
    catalog.getEntityByRef = refuseExternal(
      catalog.getEntityByRef.bind(catalog),
    );
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
      ],
    });
    const res = await request(server)
      .get(`${BASE}/component/default/checkout/gate`)
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:ci'),
          targetPluginId: 'reliability',
        }),
      );
    expect(res.status).toBe(200);
    expect(['allow', 'warn', 'block']).toContain(res.body.decision);
  });
});
