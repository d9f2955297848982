import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  EntityListFilter,
  EntityListItem,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseCoverageStore } from './DatabaseCoverageStore';
import type { EntityPageRequest } from './CoverageStore';
import { TABLES } from '../services/types';
import {
  FixtureEntity,
  insertEntities,
  nestedAncestry,
} from '../__testUtils__/coverageFixtures';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const DEPARTMENT = 'group:default/department';
const DIVISION = 'group:default/division';
const ORG = 'group:default/org';
const PLATFORM = 'group:default/platform';
const JANE = 'user:default/jane';

/**
 * Production entities: a1 a2 (team-a), b1 b2 (team-b), d1 (department itself), p1 (platform),
 * u1 (a user), n1 (no owner). a3 is experimental, x1 out of scope.
 */
const ENTITIES: FixtureEntity[] = [
  {
    name: 'a1',
    owner: TEAM_A,
    tier: 1,
    slo: true,
    alerting: true,
    oncall: true,
    runbook: true,
    dashboard: true,
    verdict: 'ready',
    score: 100,
    maturity: 3,
  },
  {
    name: 'a2',
    owner: TEAM_A,
    tier: 1,
    oncall: true,
    verdict: 'not-ready',
    score: 40,
    maturity: 0,
  },
  { name: 'a3', owner: TEAM_A, tier: 2, lifecycle: 'experimental', slo: true },
  {
    name: 'b1',
    owner: TEAM_B,
    tier: 0,
    slo: true,
    oncall: true,
    runbook: true,
    dashboard: true,
    waiver: true,
    verdict: 'ready-with-waivers',
    score: 90,
    maturity: 2,
    checks: { 'slo-alerting': 'waived' },
  },
  {
    name: 'b2',
    owner: TEAM_B,
    tier: null,
    oncall: true,
    verdict: 'not-ready',
    score: 20,
    maturity: 0,
    title: 'Billing "B2"',
    checks: { runbook: 'unknown' },
  },
  {
    name: 'd1',
    owner: DEPARTMENT,
    tier: 1,
    slo: true,
    runbook: true,
    verdict: 'not-ready',
    score: 60,
    maturity: 1,
  },
  {
    name: 'p1',
    owner: PLATFORM,
    tier: 3,
    runbook: true,
    oncall: true,
    verdict: 'ready',
    score: 100,
    maturity: 1,
    system: 'system:default/payments',
  },
  { name: 'u1', owner: JANE, tier: 2, verdict: 'not-ready', score: 30 },
  {
    name: 'n1',
    owner: null,
    tier: 3,
    runbook: true,
    verdict: 'not-ready',
    score: 70,
    system: 'system:default/payments',
  },
  { name: 'x1', owner: TEAM_A, inScope: false, slo: true, verdict: null },
];

const PRODUCTION: EntityListFilter = { lifecycle: ['production'] };

const zero = {
  total: 0,
  withSlo: 0,
  withSloAlerting: 0,
  withOncall: 0,
  withRunbook: 0,
  withDashboard: 0,
  withSloDashboardRunbook: 0,
  ready: 0,
  waived: 0,
};

/** Every page of a list, followed through its cursors. */
async function listAllPages(
  store: DatabaseCoverageStore,
  request: Omit<EntityPageRequest, 'cursor'>,
): Promise<EntityListItem[][]> {
  const pages: EntityListItem[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listEntities({ ...request, cursor });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describe('DatabaseCoverageStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setUp(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseCoverageStore.create({
      database: { getClient: async () => knex },
    });
    await insertEntities(knex, ENTITIES);
    await store.replaceGroupAncestry(nestedAncestry());
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'counts coverage by tier, production only by default, with waived and unknown states, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const rows = await store.getCoverage('tier', PRODUCTION);
      expect(rows).toEqual([
        {
          ...zero,
          key: '0',
          total: 1,
          withSlo: 1,
          withOncall: 1,
          withRunbook: 1,
          withDashboard: 1,
          withSloDashboardRunbook: 1,
          ready: 1,
          waived: 1,
        },
        {
          ...zero,
          key: '1',
          total: 3,
          withSlo: 2,
          withSloAlerting: 1,
          withOncall: 2,
          withRunbook: 2,
          withDashboard: 1,
          withSloDashboardRunbook: 1,
          ready: 1,
        },
        { ...zero, key: '2', total: 1 },
        {
          ...zero,
          key: '3',
          total: 2,
          withOncall: 1,
          withRunbook: 2,
          ready: 1,
        },
        { ...zero, key: 'none', total: 1, withOncall: 1 },
      ]);

      const all = await store.getCoverage('tier', {});
      expect(all.find(row => row.key === '2')).toMatchObject({
        total: 2,
        withSlo: 1,
      });
      const experimental = await store.getCoverage('tier', {
        lifecycle: ['experimental'],
      });
      expect(experimental).toEqual([
        { ...zero, key: '2', total: 1, withSlo: 1 },
      ]);
      await expect(store.getTotals(PRODUCTION)).resolves.toMatchObject({
        total: 8,
        withSlo: 3,
        ready: 3,
        waived: 1,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls owners up a four-level group tree, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const rows = await store.getCoverage('owner', PRODUCTION);
      const totals = Object.fromEntries(rows.map(row => [row.key, row.total]));
      expect(totals).toEqual({
        [DEPARTMENT]: 5,
        [DIVISION]: 5,
        [ORG]: 6,
        [PLATFORM]: 1,
        [TEAM_A]: 2,
        [TEAM_B]: 2,
        [JANE]: 1,
        none: 1,
      });
      expect(rows.find(row => row.key === ORG)).toMatchObject({
        withSlo: 3,
        ready: 3,
        waived: 1,
      });
      expect(rows[rows.length - 1].key).toBe('none');
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by owner with its descendants, by system and by kind, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const underDivision = await store.getCoverage('tier', {
        ...PRODUCTION,
        owner: DIVISION,
      });
      expect(underDivision.map(row => [row.key, row.total])).toEqual([
        ['0', 1],
        ['1', 3],
        ['none', 1],
      ]);

      const ownerRows = await store.getCoverage('owner', {
        ...PRODUCTION,
        owner: DEPARTMENT,
      });
      expect(ownerRows.map(row => [row.key, row.total])).toEqual([
        [DEPARTMENT, 5],
        [TEAM_A, 2],
        [TEAM_B, 2],
      ]);

      const jane = await store.getCoverage('tier', {
        ...PRODUCTION,
        owner: JANE,
      });
      expect(jane.map(row => [row.key, row.total])).toEqual([['2', 1]]);
      const unowned = await store.getTotals({ ...PRODUCTION, owner: 'none' });
      expect(unowned.total).toBe(1);

      const systems = await store.getCoverage('system', PRODUCTION);
      expect(systems.map(row => [row.key, row.total])).toEqual([
        ['system:default/payments', 2],
        ['none', 6],
      ]);
      await expect(
        store.getTotals({ ...PRODUCTION, system: 'system:default/payments' }),
      ).resolves.toMatchObject({ total: 2 });
      await expect(
        store.getTotals({ ...PRODUCTION, kind: ['component'] }),
      ).resolves.toMatchObject({ total: 8 });
      await expect(
        store.getTotals({ ...PRODUCTION, kind: ['api'] }),
      ).resolves.toMatchObject({ total: 0 });
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces the group ancestry only when it changed, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      await expect(
        store.replaceGroupAncestry(nestedAncestry()),
      ).resolves.toEqual({ changed: false });
      const moved = nestedAncestry().filter(
        row => row.groupRef !== PLATFORM || row.depth === 0,
      );
      await expect(store.replaceGroupAncestry(moved)).resolves.toEqual({
        changed: true,
      });
      const rows = await knex(TABLES.groupAncestry).where(
        'group_ref',
        PLATFORM,
      );
      expect(rows).toHaveLength(1);
      const byOwner = await store.getCoverage('owner', PRODUCTION);
      expect(byOwner.find(row => row.key === ORG)?.total).toBe(5);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes a scaled copy of a day for generated history, keeping totals and replacing the day, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const rows = await store.writeDailySnapshot('2026-11-30');
      await store.writeScaledSnapshot({
        fromDay: '2026-11-30',
        toDay: '2026-11-01',
        factor: 0.9,
      });
      await expect(
        store.writeScaledSnapshot({
          fromDay: '2026-11-30',
          toDay: '2026-11-01',
          factor: 0,
        }),
      ).resolves.toBe(rows);

      for (const groupBy of ['tier', 'owner'] as const) {
        const history = await store.getHistory({
          groupBy,
          from: '2026-11-01',
          to: '2026-11-30',
          filter: PRODUCTION,
        });
        expect(history.length).toBeGreaterThan(0);
        for (const series of history) {
          const [before, after] = series.points;
          expect([before.day, after.day]).toEqual(['2026-11-01', '2026-11-30']);
          expect(before.total).toBe(after.total);
          expect(before).toMatchObject({ withSlo: 0, ready: 0, waived: 0 });
        }
      }
      expect(
        (
          await store.getHistory({
            groupBy: 'tier',
            from: '2026-11-30',
            to: '2026-11-30',
            filter: PRODUCTION,
          })
        ).some(series => series.points[0].withSlo > 0),
      ).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'snapshots a day idempotently and keeps the owner of that day when entities move, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      const rowsDay1 = await store.writeDailySnapshot('2026-11-01');
      await expect(store.writeDailySnapshot('2026-11-01')).resolves.toBe(
        rowsDay1,
      );
      expect(rowsDay1).toBeGreaterThan(0);

      // a1 moves from team-a to platform.
      await insertEntities(knex, [
        {
          ...ENTITIES[0],
          owner: PLATFORM,
          evaluatedAt: '2026-11-02T00:00:00Z',
        },
      ]);
      await store.writeDailySnapshot('2026-11-02');

      const current = await store.getCoverage('owner', PRODUCTION);
      expect(current.find(row => row.key === TEAM_A)?.total).toBe(1);
      expect(current.find(row => row.key === PLATFORM)?.total).toBe(2);

      const history = await store.getHistory({
        groupBy: 'owner',
        from: '2026-11-01',
        to: '2026-11-02',
        filter: { ...PRODUCTION, owner: ORG },
      });
      const totalsOf = (key: string) =>
        history
          .find(series => series.key === key)
          ?.points.map(point => [point.day, point.total]);
      expect(history.map(series => series.key)).toEqual([
        DIVISION,
        ORG,
        PLATFORM,
      ]);
      expect(totalsOf(PLATFORM)).toEqual([
        ['2026-11-01', 1],
        ['2026-11-02', 2],
      ]);
      expect(totalsOf(DIVISION)).toEqual([
        ['2026-11-01', 5],
        ['2026-11-02', 4],
      ]);
      expect(totalsOf(ORG)).toEqual([
        ['2026-11-01', 6],
        ['2026-11-02', 6],
      ]);

      const teamA = await store.getHistory({
        groupBy: 'tier',
        from: '2026-11-01',
        to: '2026-11-02',
        filter: { ...PRODUCTION, owner: TEAM_A },
      });
      expect(teamA).toEqual([
        {
          key: '1',
          points: [
            expect.objectContaining({
              day: '2026-11-01',
              total: 2,
              withSlo: 1,
            }),
            expect.objectContaining({
              day: '2026-11-02',
              total: 1,
              withSlo: 0,
            }),
          ],
        },
      ]);

      const counts = await store.getTeamCounts({
        day: '2026-11-01',
        measure: 'withSlo',
        filter: PRODUCTION,
      });
      expect(counts).toEqual(
        expect.arrayContaining([
          { owner: TEAM_A, total: 2, count: 1 },
          { owner: ORG, total: 6, count: 3 },
        ]),
      );
      expect(counts.map(count => count.owner)).not.toContain(JANE);

      await expect(store.getSnapshotDayOnOrBefore('2026-11-05')).resolves.toBe(
        '2026-11-02',
      );
      await expect(
        store.getSnapshotDayOnOrBefore('2026-10-31'),
      ).resolves.toBeNull();
      await expect(store.deleteSnapshotsBefore('2026-11-02')).resolves.toBe(
        rowsDay1,
      );
      await expect(
        store.getSnapshotDayOnOrBefore('2026-11-01'),
      ).resolves.toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'returns history by tier with untiered last, and top levels without an owner, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      await store.writeDailySnapshot('2026-11-01');
      const byTier = await store.getHistory({
        groupBy: 'tier',
        from: '2026-10-01',
        to: '2026-11-30',
        filter: PRODUCTION,
      });
      expect(byTier.map(series => series.key)).toEqual([
        '0',
        '1',
        '2',
        '3',
        'none',
      ]);
      expect(byTier[1].points).toEqual([
        expect.objectContaining({ day: '2026-11-01', total: 3, withSlo: 2 }),
      ]);
      const tierOne = await store.getHistory({
        groupBy: 'tier',
        from: '2026-10-01',
        to: '2026-11-30',
        filter: { ...PRODUCTION, tier: [1] },
      });
      expect(tierOne.map(series => series.key)).toEqual(['1']);

      const topLevels = await store.getHistory({
        groupBy: 'owner',
        from: '2026-10-01',
        to: '2026-11-30',
        filter: PRODUCTION,
      });
      expect(topLevels.map(series => series.key)).toEqual([
        DIVISION,
        ORG,
        PLATFORM,
        JANE,
        'none',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts failing (fail or unknown) and waived checks per team for the heatmap, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const rows = await store.getHeatmap({ ...PRODUCTION, owner: DEPARTMENT });
      expect(rows.map(row => [row.key, row.total])).toEqual([
        [DEPARTMENT, 5],
        [TEAM_A, 2],
        [TEAM_B, 2],
      ]);
      const teamB = rows.find(row => row.key === TEAM_B)!;
      expect(teamB.cells['slo-alerting']).toEqual({ failing: 1, waived: 1 });
      expect(teamB.cells.runbook).toEqual({ failing: 1, waived: 0 });
      expect(teamB.cells.oncall).toBeUndefined();
      expect(rows[0].cells['slo-defined']).toEqual({ failing: 2, waived: 0 });
    },
  );

  it.each(databases.eachSupportedId())(
    'lists entities with server-side filters, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const names = async (filter: EntityListFilter) =>
        (
          await store.listEntities({
            filter: { ...PRODUCTION, ...filter },
            sort: 'name',
            order: 'asc',
            limit: 50,
          })
        ).items.map(item => item.name);

      await expect(names({})).resolves.toEqual([
        'a1',
        'a2',
        'b1',
        'b2',
        'd1',
        'n1',
        'p1',
        'u1',
      ]);
      await expect(names({ tier: [1] })).resolves.toEqual(['a1', 'a2', 'd1']);
      await expect(names({ tier: [0, 'none'] })).resolves.toEqual(['b1', 'b2']);
      await expect(names({ owner: DIVISION })).resolves.toEqual([
        'a1',
        'a2',
        'b1',
        'b2',
        'd1',
      ]);
      await expect(
        names({ verdict: ['ready', 'ready-with-waivers'] }),
      ).resolves.toEqual(['a1', 'b1', 'p1']);
      await expect(names({ maturity: [0] })).resolves.toEqual(['a2', 'b2']);
      await expect(names({ failingCheck: 'runbook' })).resolves.toEqual([
        'a2',
        'b2',
        'u1',
      ]);
      await expect(
        names({ failingCheck: 'slo-alerting', owner: TEAM_B }),
      ).resolves.toEqual(['b2']);
      await expect(
        names({ stage: 'withSloDashboardRunbook' }),
      ).resolves.toEqual(['a1', 'b1']);
      await expect(names({ stage: 'ready', tier: [1] })).resolves.toEqual([
        'a1',
      ]);
      await expect(names({ missing: 'ready', tier: [1] })).resolves.toEqual([
        'a2',
        'd1',
      ]);
      await expect(names({ missing: 'withSlo', tier: [1] })).resolves.toEqual([
        'a2',
      ]);
      await expect(names({ stage: 'waived' })).resolves.toEqual(['b1']);
      await expect(names({ search: 'BILLING "b' })).resolves.toEqual(['b2']);
      await expect(names({ search: '%' })).resolves.toEqual([]);
      await expect(names({ lifecycle: undefined })).resolves.toContain('a3');
      await expect(names({ lifecycle: undefined })).resolves.not.toContain(
        'x1',
      );
      // The total counts every match, not just the page; none when not asked for.
      const firstOfThree = await store.listEntities({
        filter: { ...PRODUCTION, tier: [1] },
        sort: 'name',
        order: 'asc',
        limit: 1,
        withTotal: true,
      });
      expect(firstOfThree.items).toHaveLength(1);
      expect(firstOfThree.total).toBe(3);
      // The failing-check filter counts in the page's own query on SQLite.
      const failingRunbook = await store.listEntities({
        filter: { ...PRODUCTION, failingCheck: 'runbook' },
        sort: 'name',
        order: 'asc',
        limit: 2,
        withTotal: true,
      });
      expect(failingRunbook.items.map(item => item.name)).toEqual(['a2', 'b2']);
      expect(failingRunbook.total).toBe(3);
      await expect(
        store.listEntities({
          filter: { ...PRODUCTION, tier: [1], failingCheck: 'no-such-check' },
          sort: 'name',
          order: 'asc',
          limit: 1,
          withTotal: true,
        }),
      ).resolves.toEqual({ items: [], nextCursor: null, total: 0 });
      await expect(
        store.listEntities({
          filter: { ...PRODUCTION, tier: [1] },
          sort: 'name',
          order: 'asc',
          limit: 1,
        }),
      ).resolves.not.toHaveProperty('total');

      const [b2] = (
        await store.listEntities({
          filter: { ...PRODUCTION, tier: ['none'] },
          sort: 'name',
          order: 'asc',
          limit: 1,
        })
      ).items;
      expect(b2).toEqual({
        entityRef: 'component:default/b2',
        kind: 'Component',
        namespace: 'default',
        name: 'b2',
        title: 'Billing "B2"',
        type: 'service',
        lifecycle: 'production',
        ownerRef: TEAM_B,
        systemRef: null,
        tier: null,
        score: 20,
        verdict: 'not-ready',
        maturityLevel: 0,
        expectedLevel: 3,
        gateDecision: 'warn',
        hasSlo: false,
        hasSloAlerting: false,
        hasOncall: true,
        hasRunbook: false,
        hasDashboard: false,
        hasWaiver: false,
        evaluatedAt: '2026-11-22T10:00:00.000Z',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'pages through every sort in both directions without gaps or repeats, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const expected: Record<string, string[]> = {
        tier: ['b1', 'a1', 'a2', 'd1', 'u1', 'n1', 'p1', 'b2'],
        score: ['b2', 'u1', 'a2', 'd1', 'n1', 'b1', 'a1', 'p1'],
        verdict: ['a2', 'b2', 'd1', 'n1', 'u1', 'b1', 'a1', 'p1'],
        maturity: ['a2', 'b2', 'd1', 'n1', 'p1', 'u1', 'b1', 'a1'],
        name: ['a1', 'a2', 'b1', 'b2', 'd1', 'n1', 'p1', 'u1'],
      };
      for (const [sort, ascending] of Object.entries(expected)) {
        for (const order of ['asc', 'desc'] as const) {
          const pages = await listAllPages(store, {
            filter: PRODUCTION,
            sort: sort as any,
            order,
            limit: 3,
          });
          expect(pages.every(items => items.length <= 3)).toBe(true);
          const seen = pages.flat().map(item => item.name);
          expect([sort, order, seen]).toEqual([
            sort,
            order,
            order === 'asc' ? ascending : [...ascending].reverse(),
          ]);
        }
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'streams every match in the list order, batch by batch, for every sort, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      for (const sort of ['tier', 'score', 'verdict', 'maturity', 'name']) {
        for (const order of ['asc', 'desc'] as const) {
          const listed = (
            await listAllPages(store, {
              filter: PRODUCTION,
              sort: sort as any,
              order,
              limit: 50,
            })
          )
            .flat()
            .map(item => item.entityRef);
          const batches: string[][] = [];
          for await (const batch of store.streamEntities(
            { filter: PRODUCTION, sort: sort as any, order },
            3,
          )) {
            batches.push(batch.map(item => item.entityRef));
          }
          expect([sort, order, batches.flat()]).toEqual([sort, order, listed]);
          expect(batches.map(batch => batch.length)).toEqual([3, 3, 2]);
        }
      }
      // A filter with bound values of every kind reaches the read intact.
      const failingRunbook: string[] = [];
      for await (const batch of store.streamEntities(
        {
          filter: { ...PRODUCTION, failingCheck: 'runbook', tier: [1] },
          sort: 'name',
          order: 'asc',
        },
        2,
      )) {
        failingRunbook.push(...batch.map(item => item.name));
      }
      const page = await store.listEntities({
        filter: { ...PRODUCTION, failingCheck: 'runbook', tier: [1] },
        sort: 'name',
        order: 'asc',
        limit: 50,
      });
      expect(failingRunbook).toEqual(page.items.map(item => item.name));
      expect(failingRunbook.length).toBeGreaterThan(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'ends the read when the consumer stops after the first batch, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      const stream = store.streamEntities(
        { filter: PRODUCTION, sort: 'name', order: 'asc' },
        3,
      );
      const first = await stream.next();
      expect(first.value).toHaveLength(3);
      await expect(stream.return(undefined)).resolves.toEqual({
        done: true,
        value: undefined,
      });
      // SQLite's read has no transaction to leave open.
      const openTransactions = databaseId.startsWith('POSTGRES')
        ? (
            await knex.raw(
              `select count(*)::int as open from pg_stat_activity
               where datname = current_database() and state like 'idle in transaction%'`,
            )
          ).rows[0].open
        : 0;
      expect(openTransactions).toBe(0);
      // The connection is free for the next read.
      const page = await store.listEntities({
        filter: PRODUCTION,
        sort: 'name',
        order: 'asc',
        limit: 2,
      });
      expect(page.items).toHaveLength(2);
    },
  );
});
