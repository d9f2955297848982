import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MIGRATIONS_TABLE,
  SQLITE_PAGE_SIZE,
  getMigratedClient,
  migrationsDir,
} from './migrations';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  const config = { directory: migrationsDir, tableName: MIGRATIONS_TABLE };

  it.each(databases.eachSupportedId())(
    'summarises the check states that need attention when upgrading, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({
        ...config,
        name: '20261122100000_results.js',
      });
      while ((await knex.migrate.currentVersion(config)) !== '20261122400000') {
        await knex.migrate.up(config);
      }
      const states = [
        'pass',
        'warn',
        'fail',
        'unknown',
        'waived',
        'not-applicable',
      ];
      await knex('reliability_check_states').insert(
        states.map(state => ({
          entity_ref: 'component:default/a',
          check_id: `check-${state}`,
          state,
          required: true,
        })),
      );

      await knex.migrate.latest(config);
      // One summary per entity with its failing (or unknown) and waived checks; passing,
      // warning and not-applicable ones are not kept.
      await expect(knex('reliability_check_summaries')).resolves.toEqual([
        {
          entity_ref: 'component:default/a',
          failing: '["check-fail","check-unknown"]',
          waived: '["check-waived"]',
        },
      ]);
      await expect(
        knex.schema.hasTable('reliability_check_states'),
      ).resolves.toBe(false);

      // Back to a row per check; a summary does not tell fail from unknown. Later
      // migrations are undone first.
      while ((await knex.migrate.currentVersion(config)) >= '20261122500300') {
        await knex.migrate.down(config);
      }
      await expect(
        knex('reliability_check_states')
          .orderBy('check_id')
          .select('check_id', 'state'),
      ).resolves.toEqual([
        { check_id: 'check-fail', state: 'fail' },
        { check_id: 'check-unknown', state: 'fail' },
        { check_id: 'check-waived', state: 'waived' },
      ]);
    },
  );

  const postgresIds = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));
  const onPostgres =
    postgresIds.length > 0
      ? it.each(postgresIds)
      : it.skip.each([['POSTGRES_16' as const]]);
  onPostgres(
    'keeps reports inline on PostgreSQL rather than compressing each one, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(config);
      const { rows } = await knex.raw(
        `select reloptions from pg_class where relname = 'reliability_entity_results'`,
      );
      // A test block: `onPostgres` is it.each (or it.skip.each without PostgreSQL).
      // eslint-disable-next-line jest/no-standalone-expect
      expect(rows[0].reloptions).toEqual(['toast_tuple_target=8160']);
    },
  );

  describe('the page size of a SQLite database', () => {
    const pageSize = async (knex: Awaited<ReturnType<typeof databases.init>>) =>
      Number((await knex.raw('pragma page_size'))[0].page_size);

    it('creates a new database with 16 KiB pages', async () => {
      const knex = await databases.init('SQLITE_3');
      const client = await getMigratedClient({ getClient: async () => knex });
      expect(client).toBe(knex);
      expect(await pageSize(knex)).toBe(SQLITE_PAGE_SIZE);
      await expect(
        knex.schema.hasTable('reliability_entity_results'),
      ).resolves.toBe(true);
    });

    it('keeps the page size of a database that already holds tables', async () => {
      const knex = await databases.init('SQLITE_3');
      await knex.schema.createTable('another_plugins_table', table => {
        table.string('id');
      });
      const before = await pageSize(knex);
      expect(before).not.toBe(SQLITE_PAGE_SIZE);

      await getMigratedClient({ getClient: async () => knex });
      expect(await pageSize(knex)).toBe(before);
      await expect(
        knex.schema.hasTable('reliability_entity_results'),
      ).resolves.toBe(true);
    });
  });
});
