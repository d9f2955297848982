import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { DatabaseCoverageStore } from '../database/DatabaseCoverageStore';
import { CoverageService } from '../services/CoverageService';
import {
  FixtureEntity,
  insertEntities,
  nestedAncestry,
} from '../__testUtils__/coverageFixtures';
import { expectToMatchSpec } from '../__testUtils__/openApiSpec';
import { createCoverageRoutes } from './coverageRoutes';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

/** 120 production services over two teams (so the CSV spans batches), plus two oddities. */
const ENTITIES: FixtureEntity[] = [
  ...Array.from({ length: 120 }, (_, i) => ({
    name: `svc-${String(i).padStart(3, '0')}`,
    owner: i % 2 === 0 ? TEAM_A : TEAM_B,
    tier: i % 4,
    slo: i % 3 === 0,
    runbook: true,
    verdict: (i % 5 === 0 ? 'ready' : 'not-ready') as FixtureEntity['verdict'],
    score: i % 101,
  })),
  {
    name: 'formula',
    title: '=HYPERLINK("http://evil"), "quoted"',
    owner: TEAM_A,
    tier: null,
  },
  { name: 'lab', owner: TEAM_B, lifecycle: 'experimental' },
];

describe('createCoverageRoutes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let app: express.Express;
  const authorize = jest.fn();

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseCoverageStore.create({
      database: { getClient: async () => knex },
    });
    await insertEntities(knex, ENTITIES);
    await store.replaceGroupAncestry(nestedAncestry());
    await store.writeDailySnapshot(new Date().toISOString().slice(0, 10));
    const coverage = new CoverageService({
      store,
      policy: defaultPolicy,
      targets: [{ tier: 1, measure: 'withSlo', target: 0.8, by: '2099-06-30' }],
      csvBatchSize: 25,
    });
    const router = createCoverageRoutes({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions.mock({ authorize }),
      logger: mockServices.logger.mock(),
      coverage,
      retentionDays: 400,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    app = express().use('/api/reliability', router).use(middleware.error());
  });

  beforeEach(() => {
    authorize.mockReset();
    authorize.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
  });

  it('serves coverage by tier exactly as the contract says', async () => {
    const response = await request(app).get(
      '/api/reliability/v1/coverage?groupBy=tier',
    );
    expect(response.status).toBe(200);
    expectToMatchSpec(response);
    expect(response.body.rows.map((row: any) => row.key)).toEqual([
      '0',
      '1',
      '2',
      '3',
      'none',
    ]);
    expect(response.body.rows[1]).toEqual({
      key: '1',
      total: 30,
      withSlo: 10,
      withSloAlerting: 0,
      withSloDashboardRunbook: 0,
      withOncall: 0,
      withRunbook: 30,
      withDashboard: 0,
      ready: 6,
      waived: 0,
    });
    expect(response.body.asOf).toBe('2026-11-22T10:00:00.000Z');
  });

  it('rolls up owners and filters by owner, lifecycle and tier', async () => {
    const byOwner = await request(app).get(
      '/api/reliability/v1/coverage?groupBy=owner&owner=department',
    );
    expect(byOwner.status).toBe(200);
    expectToMatchSpec(byOwner);
    expect(byOwner.body.rows.map((row: any) => [row.key, row.total])).toEqual([
      ['group:default/department', 121],
      [TEAM_A, 61],
      [TEAM_B, 60],
    ]);
    const experimental = await request(app).get(
      '/api/reliability/v1/coverage?groupBy=owner&lifecycle=experimental&tier=1',
    );
    expect(
      experimental.body.rows.find((row: any) => row.key === TEAM_B).total,
    ).toBe(1);
    const all = await request(app).get(
      '/api/reliability/v1/coverage?groupBy=system&lifecycle=*',
    );
    expect(all.body.rows).toEqual([
      expect.objectContaining({ key: 'none', total: 122 }),
    ]);
  });

  it.each([
    ['groupBy=team', 'Invalid groupBy: must be one of tier, owner, system'],
    ['owner=a:b:c', 'Invalid owner: must be an entity ref'],
    ['system=group:x:y', 'Invalid system: must be an entity ref'],
    ['owner=a&owner=b', 'Invalid owner: must be given once'],
    ['tier=gold', 'Invalid tier.0: must be tier levels or "none"'],
    ['lifecycle=%20bad%20life', 'Invalid lifecycle.0'],
    ['kind=com-ponent', 'Invalid kind.0'],
  ])('answers 400 naming the field for %s', async (query, message) => {
    const response = await request(app).get(
      `/api/reliability/v1/coverage?${query}`,
    );
    expect(response.status).toBe(400);
    expectToMatchSpec(response);
    expect(response.body.error.message).toContain(message);
  });

  it('answers 403 without the coverage read permission', async () => {
    authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    const response = await request(app).get('/api/reliability/v1/coverage');
    expect(response.status).toBe(403);
    expectToMatchSpec(response);
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'reliability.coverage.read',
          }),
        },
      ],
      { credentials: mockCredentials.user() },
    );
  });

  it('reports targets, history, movers and the heatmap in the documented shapes', async () => {
    const targets = await request(app).get(
      '/api/reliability/v1/coverage/targets',
    );
    expect(targets.status).toBe(200);
    expectToMatchSpec(targets);
    expect(targets.body.targets[0]).toMatchObject({
      tier: 1,
      measure: 'withSlo',
      status: 'no-trend',
      count: 10,
      total: 30,
    });

    const history = await request(app).get(
      '/api/reliability/v1/coverage/history?groupBy=tier&days=30&tier=1',
    );
    expect(history.status).toBe(200);
    expectToMatchSpec(history);
    expect(history.body.series).toEqual([
      { key: '1', points: [expect.objectContaining({ total: 30 })] },
    ]);
    const tooLong = await request(app).get(
      '/api/reliability/v1/coverage/history?days=401',
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain(
      'Invalid days: must be at most 400',
    );

    const movers = await request(app).get(
      '/api/reliability/v1/coverage/movers?measure=ready',
    );
    expect(movers.status).toBe(200);
    expectToMatchSpec(movers);
    expect(movers.body.windows.map((w: any) => w.days)).toEqual([30, 90]);
    const badMeasure = await request(app).get(
      '/api/reliability/v1/coverage/movers?measure=slo',
    );
    expect(badMeasure.status).toBe(400);
    expect(badMeasure.body.error.message).toContain('Invalid measure');

    const heatmap = await request(app).get(
      '/api/reliability/v1/coverage/heatmap?owner=group:default/department',
    );
    expect(heatmap.status).toBe(200);
    expectToMatchSpec(heatmap);
    expect(heatmap.body.checkIds[0]).toBe(defaultPolicy.checks[0].id);
  });

  it('pages the entity list with a cursor and never returns more than the limit', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: request.Response = await request(app)
        .get('/api/reliability/v1/coverage/entities')
        .query({
          tier: '1',
          sort: 'score',
          order: 'desc',
          limit: 7,
          ...(cursor ? { cursor } : {}),
        });
      expect(response.status).toBe(200);
      expectToMatchSpec(response);
      expect(response.body.items.length).toBeLessThanOrEqual(7);
      expect(response.body.totalCount).toBe(cursor ? null : 30);
      seen.push(...response.body.items.map((item: any) => item.entityRef));
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);

    const badCursor = await request(app).get(
      '/api/reliability/v1/coverage/entities?cursor=nonsense',
    );
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toContain('cursor');
    const badLimit = await request(app).get(
      '/api/reliability/v1/coverage/entities?limit=1000',
    );
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toContain('Invalid limit');
    const badSort = await request(app).get(
      '/api/reliability/v1/coverage/entities?sort=owner',
    );
    expect(badSort.body.error.message).toContain('Invalid sort');
  });

  it('filters the list by verdict, maturity, failing check and stage', async () => {
    const response = await request(app).get(
      '/api/reliability/v1/coverage/entities?owner=team-a&missing=withSlo&failingCheck=slo-defined&verdict=ready,not-ready&maturity=1',
    );
    expect(response.status).toBe(200);
    expect(response.body.totalCount).toBe(41);
    expect(
      response.body.items.every(
        (item: any) => item.ownerRef === TEAM_A && !item.hasSlo,
      ),
    ).toBe(true);
  });

  it('streams the filtered set as an escaped CSV attachment across batches', async () => {
    const response = await request(app)
      .get('/api/reliability/v1/coverage/entities.csv?owner=team-a')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => {
          text += chunk;
        });
        res.on('end', () => done(null, text));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="reliability-entities.csv"',
    );
    const lines = (response.body as string).split('\r\n');
    expect(lines[0]).toMatch(/^entity_ref,kind,namespace,name,title,/);
    expect(lines).toHaveLength(1 + 61 + 1);
    expect(lines[lines.length - 1]).toBe('');
    expect(lines[1]).toContain(
      `component:default/formula,Component,default,formula,"'=HYPERLINK(""http://evil""), ""quoted""",service,production,${TEAM_A},,,`,
    );
    expect(lines[2]).toMatch(/^component:default\/svc-000,/);

    const bad = await request(app).get(
      '/api/reliability/v1/coverage/entities.csv?stage=everything',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Invalid stage');
  });
});
