import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { DatabaseCoverageStore } from '../database/DatabaseCoverageStore';
import { TABLES } from './types';
import {
  insertDailyRows,
  insertEntities,
} from '../__testUtils__/coverageFixtures';
import {
  CoverageSnapshotService,
  addDays,
  readDemoSeedHistoryDays,
  readRetentionDays,
} from './CoverageSnapshotService';

jest.setTimeout(60_000);

function group(name: string, spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...spec },
  };
}

/** A catalog that pages its Groups two at a time, as the real one pages by cursor. */
function pagedCatalog(groups: Entity[]) {
  const calls: unknown[] = [];
  return {
    calls,
    queryEntities: jest.fn(async (request: any) => {
      calls.push(request);
      const offset = request.cursor ? Number(request.cursor) : 0;
      const items = groups.slice(offset, offset + 2);
      const next = offset + 2 < groups.length ? String(offset + 2) : undefined;
      return {
        items,
        totalItems: groups.length,
        pageInfo: { nextCursor: next },
      };
    }),
  };
}

describe('CoverageSnapshotService', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'rebuilds the group tree from every page of Groups, snapshots today and drops expired days, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseCoverageStore.create({
        database: { getClient: async () => knex },
      });
      await insertEntities(knex, [
        { name: 'a', owner: 'group:default/team', slo: true },
        { name: 'b', owner: 'group:default/team' },
      ]);
      // A day just inside retention (400 days including today) and one just outside.
      await insertDailyRows(
        knex,
        ['2025-10-19', '2025-10-18'].map(day => ({
          day,
          tier: 1,
          owner_ref: 'group:default/team',
          lifecycle: 'production',
          kind: 'component',
          total: 1,
        })),
      );
      const catalog = pagedCatalog([
        group('org'),
        group('division', { parent: 'org' }),
        group('department', { parent: 'group:default/division' }),
        group('team', { parent: 'department' }),
        group('other', { children: ['orphan'] }),
      ]);
      const service = new CoverageSnapshotService({
        catalog,
        auth: mockServices.auth(),
        store,
        logger: mockServices.logger.mock(),
        now: () => new Date('2026-11-22T23:59:00Z'),
      });

      await expect(service.run()).resolves.toEqual({
        ancestryChanged: true,
        day: '2026-11-22',
        snapshotRows: 1,
        deletedRows: 1,
      });
      expect(catalog.calls).toHaveLength(3);
      expect(catalog.calls[0]).toMatchObject({ filter: { kind: 'Group' } });
      expect(catalog.calls[1]).toMatchObject({ cursor: '2' });

      const ancestors = await knex(TABLES.groupAncestry)
        .where('group_ref', 'group:default/team')
        .orderBy('depth');
      expect(ancestors.map(row => row.ancestor_ref)).toEqual([
        'group:default/team',
        'group:default/department',
        'group:default/division',
        'group:default/org',
      ]);
      const orphan = await knex(TABLES.groupAncestry).where(
        'group_ref',
        'group:default/orphan',
      );
      expect(orphan.map(row => row.ancestor_ref).sort()).toEqual([
        'group:default/orphan',
        'group:default/other',
      ]);

      const today = await knex(TABLES.dailyCoverage).where('day', '2026-11-22');
      expect(today).toEqual([
        expect.objectContaining({
          tier: 1,
          owner_ref: 'group:default/team',
          lifecycle: 'production',
          kind: 'component',
          total: 2,
          with_slo: 1,
        }),
      ]);
      const days = await knex(TABLES.dailyCoverage)
        .distinct('day')
        .orderBy('day');
      expect(days.map(row => row.day)).toEqual(['2025-10-19', '2026-11-22']);
      const tierDays = await knex(TABLES.dailyTierCoverage)
        .select('day', 'tier', 'total', 'with_slo')
        .orderBy('day');
      expect(tierDays).toEqual([
        { day: '2025-10-19', tier: 1, total: 1, with_slo: 0 },
        { day: '2026-11-22', tier: 1, total: 2, with_slo: 1 },
      ]);

      // A second run the same day rewrites the day and leaves the unchanged tree alone.
      await expect(service.run()).resolves.toMatchObject({
        ancestryChanged: false,
        snapshotRows: 1,
        deletedRows: 0,
      });
    },
  );
});

describe('CoverageSnapshotService demo history', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'seeds generated days once, only when the history is empty and only when configured, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseCoverageStore.create({
        database: { getClient: async () => knex },
      });
      await insertEntities(
        knex,
        ['a', 'b', 'c', 'd'].map(name => ({
          name,
          owner: 'group:default/team',
          slo: true,
        })),
      );
      const logger = mockServices.logger.mock();
      let now = new Date('2026-11-22T12:00:00Z');
      const create = (demoSeedHistoryDays?: number) =>
        new CoverageSnapshotService({
          catalog: pagedCatalog([group('team')]),
          auth: mockServices.auth(),
          store,
          logger,
          demoSeedHistoryDays,
          now: () => now,
        });
      const days = async () =>
        (await knex(TABLES.dailyCoverage).distinct('day').orderBy('day')).map(
          row => row.day,
        );

      await create().run();
      expect(await days()).toEqual(['2026-11-22']);

      await knex(TABLES.dailyCoverage).delete();
      await knex(TABLES.dailyTierCoverage).delete();
      await create(60).run();
      const seeded = await days();
      expect(seeded).toHaveLength(61);
      expect(seeded[0]).toBe('2026-09-23');
      const tierRows = await knex(TABLES.dailyTierCoverage)
        .select('day', 'total', 'with_slo')
        .whereIn('day', ['2026-09-23', '2026-10-23', '2026-11-22'])
        .orderBy('day');
      expect(tierRows).toEqual([
        { day: '2026-09-23', total: 4, with_slo: 2 },
        { day: '2026-10-23', total: 4, with_slo: 3 },
        { day: '2026-11-22', total: 4, with_slo: 4 },
      ]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('GENERATED DEMO coverage history'),
      );

      // The next day has real history before it: nothing is generated again.
      now = new Date('2026-11-23T12:00:00Z');
      await knex(TABLES.dailyCoverage).where('day', '2026-10-23').delete();
      await create(60).run();
      expect(await days()).toHaveLength(61);
    },
  );
});

describe('readDemoSeedHistoryDays', () => {
  it('is absent by default and reads reliability.demo.seedHistoryDays', () => {
    expect(readDemoSeedHistoryDays(new ConfigReader({}))).toBeUndefined();
    expect(
      readDemoSeedHistoryDays(
        new ConfigReader({ reliability: { demo: { seedHistoryDays: 90 } } }),
      ),
    ).toBe(90);
  });

  it('rejects anything but a whole number of days, naming the key', () => {
    for (const seedHistoryDays of [0, 2.5]) {
      expect(() =>
        readDemoSeedHistoryDays(
          new ConfigReader({ reliability: { demo: { seedHistoryDays } } }),
        ),
      ).toThrow('reliability.demo.seedHistoryDays');
    }
  });
});

describe('readRetentionDays', () => {
  it('defaults to 400 days and reads reliability.retention.days', () => {
    expect(readRetentionDays(new ConfigReader({}))).toBe(400);
    expect(
      readRetentionDays(
        new ConfigReader({ reliability: { retention: { days: 30 } } }),
      ),
    ).toBe(30);
  });

  it('rejects a retention below one day, naming the key', () => {
    expect(() =>
      readRetentionDays(
        new ConfigReader({ reliability: { retention: { days: 0 } } }),
      ),
    ).toThrow(/reliability\.retention\.days/);
  });
});

describe('addDays', () => {
  it('crosses month and year ends in UTC', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
