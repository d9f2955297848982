import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_TABLE, migrationsDir } from './migrations';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  const config = { directory: migrationsDir, tableName: MIGRATIONS_TABLE };

  it.each(databases.eachSupportedId())(
    'keeps only the check states that need attention when upgrading, and back, %p',
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
      const kept = await knex('reliability_check_states')
        .orderBy('check_id')
        .select('check_id', 'state');
      expect(kept).toEqual([
        { check_id: 'check-fail', state: 'fail' },
        { check_id: 'check-unknown', state: 'unknown' },
        { check_id: 'check-waived', state: 'waived' },
      ]);
      // One state per entity and check, as before.
      const duplicate = await knex('reliability_check_states')
        .insert({
          entity_ref: 'component:default/a',
          check_id: 'check-fail',
          state: 'unknown',
          required: false,
        })
        .then(
          () => 'stored',
          (error: Error) => error.message,
        );
      expect(duplicate).toMatch(/unique|duplicate|constraint/i);
      await expect(
        knex('reliability_check_states').where('check_id', 'check-fail'),
      ).resolves.toHaveLength(1);

      await knex.migrate.down(config);
      await expect(
        knex('reliability_check_states').orderBy('check_id').pluck('check_id'),
      ).resolves.toEqual(['check-fail', 'check-unknown', 'check-waived']);
    },
  );

  const postgres = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));
  (postgres.length > 0
    ? it.each(postgres)
    : it.skip.each([['POSTGRES_16' as const]]))(
    'keeps reports inline on PostgreSQL rather than compressing each one, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(config);
      const { rows } = await knex.raw(
        `select reloptions from pg_class where relname = 'reliability_entity_results'`,
      );
      expect(rows[0].reloptions).toEqual(['toast_tuple_target=8160']);
    },
  );
});
