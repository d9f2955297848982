import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';
import { createCatalogFixture } from './__testUtils__/fixtures';
import { expectToMatchSpec } from './__testUtils__/openApiSpec';
import { freePort } from './prometheus/testing/realPrometheus';

jest.setTimeout(60_000);

const BASE = '/api/reliability/v1/entities/component/default/checkout';

describe('live SLO status through the plugin', () => {
  let fixture: Awaited<ReturnType<typeof createCatalogFixture>>;

  beforeEach(async () => {
    fixture = await createCatalogFixture();
  });

  afterEach(async () => {
    await fixture.cleanup();
  });

  const start = (prometheus?: unknown) =>
    startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({ entities: fixture.entities }),
        mockServices.rootConfig.factory({
          data: prometheus ? { reliability: { prometheus } } : {},
        }),
      ],
    });

  it('reports statuses as null and the checks as not-applicable without Prometheus', async () => {
    const { server } = await start();
    const res = await request(server).get(`${BASE}/report`);
    expect(res.status).toBe(200);
    expect(res.body.slos[0].status).toBeNull();
    const states = Object.fromEntries(
      res.body.readiness.checks.map((c: any) => [c.id, c.state]),
    );
    expect(states['slo-measured']).toBe('not-applicable');
    expect(states['error-budget']).toBe('not-applicable');
    const history = await request(server).get(
      `${BASE}/slos/checkout-availability/history`,
    );
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ measured: false, points: [] });
    const overview = await request(server).get(
      '/api/reliability/v1/slo-status',
    );
    expect(overview.body).toEqual({ measured: false, counts: {}, burning: [] });
  });

  it('turns an unreachable instance into unavailable statuses on refresh, never a 500', async () => {
    const port = await freePort();
    const { server } = await start({
      instances: [{ name: 'main', baseUrl: `http://127.0.0.1:${port}` }],
      timeout: { seconds: 2 },
    });
    const res = await request(server).post(`${BASE}/refresh`);
    expect(res.status).toBe(200);
    expectToMatchSpec(res);
    expect(res.body.slos[0].status).toMatchObject({
      state: 'unavailable',
      sli: null,
      errorBudgetRemaining: null,
      instance: 'main',
      reason: `Prometheus "main" (http://127.0.0.1:${port}) cannot be reached: ECONNREFUSED`,
    });
    const checks = Object.fromEntries(
      res.body.readiness.checks.map((c: any) => [c.id, c]),
    );
    expect(checks['slo-measured']).toMatchObject({
      state: 'unknown',
      required: true,
    });
    expect(checks['error-budget'].state).toBe('not-applicable');

    const history = await request(server).get(
      `${BASE}/slos/checkout-availability/history?days=7`,
    );
    expect(history.status).toBe(200);
    expectToMatchSpec(history);
    expect(history.body.points).toEqual([
      {
        measuredAt: res.body.slos[0].status.measuredAt,
        state: 'unavailable',
        sli: null,
        errorBudgetRemaining: null,
      },
    ]);
    const overview = await request(server).get(
      '/api/reliability/v1/slo-status?limit=5',
    );
    expect(overview.status).toBe(200);
    expectToMatchSpec(overview);
    expect(overview.body).toEqual({
      measured: true,
      counts: { unavailable: 1 },
      burning: [],
    });
  });

  it('answers 400 naming the field for a bad history request', async () => {
    const { server } = await start({
      instances: [{ name: 'main', baseUrl: 'http://127.0.0.1:9' }],
    });
    const res = await request(server).get(
      `${BASE}/slos/checkout-availability/history?days=zero`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid days:/);
  });

  it('stops start-up naming the bad reliability.prometheus key', async () => {
    await expect(
      start({ instances: [{ name: 'main', baseUrl: 'prometheus:9090' }] }),
    ).rejects.toThrow(
      'Invalid reliability.prometheus.instances[0].baseUrl: must be an http(s) URL',
    );
  });
});
