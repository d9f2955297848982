import { TestDatabases } from '@backstage/backend-test-utils';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { DatabaseCoverageStore } from '../database/DatabaseCoverageStore';
import {
  FixtureEntity,
  insertDailyRows,
  insertEntities,
  nestedAncestry,
} from '../__testUtils__/coverageFixtures';
import { CoverageService } from './CoverageService';
import { addDays } from './CoverageSnapshotService';

jest.setTimeout(60_000);

const TODAY = '2026-11-22';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

/** Ten tier-1 production services of team-a, six with an SLO; one experimental. */
const ENTITIES: FixtureEntity[] = [
  ...Array.from({ length: 10 }, (_, i) => ({
    name: `svc-${String(i).padStart(2, '0')}`,
    owner: TEAM_A,
    tier: 1,
    slo: i < 6,
    verdict: (i < 3 ? 'ready' : 'not-ready') as FixtureEntity['verdict'],
  })),
  { name: 'lab', owner: TEAM_B, tier: 1, lifecycle: 'experimental' },
];

function dailyRow(day: string, owner: string, total: number, withSlo: number) {
  return {
    day,
    tier: 1,
    owner_ref: owner,
    lifecycle: 'production',
    kind: 'component',
    total,
    with_slo: withSlo,
  };
}

describe('CoverageService', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setUp(databaseId: any, targets: any[] = []) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseCoverageStore.create({
      database: { getClient: async () => knex },
    });
    await insertEntities(knex, ENTITIES);
    await store.replaceGroupAncestry(nestedAncestry());
    const service = new CoverageService({
      store,
      policy: defaultPolicy,
      targets,
      now: () => new Date(`${TODAY}T12:00:00Z`),
    });
    return { knex, store, service };
  }

  it.each(databases.eachSupportedId())(
    'counts the policy lifecycles by default, others on request, %p',
    async databaseId => {
      const { service } = await setUp(databaseId);
      const byDefault = await service.getCoverage('tier', {});
      expect(byDefault.rows).toEqual([
        expect.objectContaining({ key: '1', total: 10, withSlo: 6, ready: 3 }),
      ]);
      expect(byDefault.asOf).toBe('2026-11-22T10:00:00.000Z');
      const every = await service.getCoverage('tier', { lifecycle: ['*'] });
      expect(every.rows[0].total).toBe(11);
      const experimental = await service.getCoverage('owner', {
        lifecycle: ['experimental'],
      });
      expect(experimental.rows.map(row => [row.key, row.total])).toContainEqual(
        [TEAM_B, 1],
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reports each target as met, on track or off track from the history, %p',
    async databaseId => {
      const { knex, service } = await setUp(databaseId, [
        { tier: 1, measure: 'withSlo', target: 0.5, by: '2027-06-30' },
        { tier: 1, measure: 'withSlo', target: 0.8, by: '2027-06-30' },
        { tier: 1, measure: 'withSlo', target: 0.8, by: '2026-12-15' },
        { tier: 1, measure: 'ready', target: 0.9, by: '2027-06-30' },
      ]);
      // 30% sixty days ago, 45% thirty days ago, 60% today: +15 points per 30 days.
      await insertDailyRows(knex, [
        dailyRow(addDays(TODAY, -60), TEAM_A, 10, 3),
        dailyRow(addDays(TODAY, -30), TEAM_A, 10, 4),
        dailyRow(addDays(TODAY, -30), TEAM_B, 10, 5),
        dailyRow(TODAY, TEAM_A, 10, 6),
      ]);
      const { targets } = await service.getTargets();
      expect(targets.map(t => [t.title, t.status])).toEqual([
        ['Tier 1: With SLO >= 50% by 2027-06-30', 'met'],
        ['Tier 1: With SLO >= 80% by 2027-06-30', 'on-track'],
        ['Tier 1: With SLO >= 80% by 2026-12-15', 'off-track'],
        ['Tier 1: Ready >= 90% by 2027-06-30', 'off-track'],
      ]);
      expect(targets[0]).toMatchObject({ current: 0.6, count: 6, total: 10 });
      expect(targets[1].historyDays).toBe(3);
      expect(targets[3]).toMatchObject({ projected: 0, historyDays: 3 });
    },
  );

  it.each(databases.eachSupportedId())(
    'ranks the most improved and most regressed teams over 30 and 90 days, %p',
    async databaseId => {
      const { knex, service } = await setUp(databaseId);
      await insertDailyRows(knex, [
        dailyRow(addDays(TODAY, -95), TEAM_A, 10, 1),
        dailyRow(addDays(TODAY, -95), TEAM_B, 10, 9),
        dailyRow(addDays(TODAY, -31), TEAM_A, 10, 5),
        dailyRow(addDays(TODAY, -31), TEAM_B, 10, 6),
        dailyRow(addDays(TODAY, -1), TEAM_A, 10, 6),
        dailyRow(addDays(TODAY, -1), TEAM_B, 10, 8),
      ]);
      const movers = await service.getMovers('withSlo', {}, 5);
      const [month, quarter] = movers.windows;
      expect(month).toMatchObject({
        days: 30,
        fromDay: addDays(TODAY, -31),
        toDay: addDays(TODAY, -1),
      });
      expect(month.mostImproved.map(m => [m.owner, m.delta])).toEqual([
        [TEAM_B, expect.closeTo(0.2, 10)],
        ['group:default/department', expect.closeTo(0.15, 10)],
        ['group:default/division', expect.closeTo(0.15, 10)],
        ['group:default/org', expect.closeTo(0.15, 10)],
        [TEAM_A, expect.closeTo(0.1, 10)],
      ]);
      expect(month.mostRegressed).toEqual([]);
      expect(quarter.fromDay).toBe(addDays(TODAY, -95));
      expect(quarter.mostImproved[0]).toMatchObject({
        owner: TEAM_A,
        from: 0.1,
      });
      expect(quarter.mostRegressed.map(m => m.owner)).toEqual([TEAM_B]);
    },
  );

  it.each(databases.eachSupportedId())(
    'has no movers without snapshots, %p',
    async databaseId => {
      const { service } = await setUp(databaseId);
      const movers = await service.getMovers('withSlo', {}, 5);
      expect(movers.windows).toEqual([
        {
          days: 30,
          fromDay: null,
          toDay: null,
          mostImproved: [],
          mostRegressed: [],
        },
        {
          days: 90,
          fromDay: null,
          toDay: null,
          mostImproved: [],
          mostRegressed: [],
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "lists the heatmap of a team's sub-teams with the policy checks in order, %p",
    async databaseId => {
      const { service } = await setUp(databaseId);
      const heatmap = await service.getHeatmap({
        owner: 'group:default/department',
      });
      expect(heatmap.checkIds.slice(0, 3)).toEqual(
        defaultPolicy.checks.slice(0, 3).map(check => check.id),
      );
      expect(heatmap.checkTitles?.['slo-defined']).toBe(
        defaultPolicy.checks.find(check => check.id === 'slo-defined')!.title,
      );
      const teamA = heatmap.rows.find(row => row.key === TEAM_A)!;
      expect(teamA.total).toBe(10);
      expect(teamA.cells['slo-defined']).toEqual({ failing: 4, waived: 0 });
    },
  );

  it.each(databases.eachSupportedId())(
    'exports the same filtered set as CSV in batches, %p',
    async databaseId => {
      const { service } = await setUp(databaseId);
      const chunks: string[] = [];
      for await (const chunk of service.entityCsv({
        filter: { missing: 'withSlo' },
        sort: 'name',
        order: 'desc',
      })) {
        chunks.push(chunk);
      }
      const lines = chunks.join('').trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^entity_ref,kind,namespace,name,/);
      expect(lines.slice(1).map(line => line.split(',')[3])).toEqual([
        'svc-09',
        'svc-08',
        'svc-07',
        'svc-06',
      ]);
      const page = await service.listEntities({
        filter: { missing: 'withSlo' },
        sort: 'name',
        order: 'desc',
        limit: 3,
      });
      expect(page.totalCount).toBe(4);
      expect(page.items).toHaveLength(3);
      expect(page.nextCursor).toEqual(expect.any(String));
    },
  );
});
