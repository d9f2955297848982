import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  MIGRATIONS_TABLE,
  SQLITE_PAGE_SIZE,
  getMigratedClient,
  migrationsDir,
} from './migrations';
import { TABLES } from '../services/types';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  const config = { directory: migrationsDir, tableName: MIGRATIONS_TABLE };

  it.each(databases.eachSupportedId())(
    'creates every table of the plugin and drops them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(config);
      for (const table of Object.values(TABLES)) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
      await knex.migrate.rollback(config, true);
      for (const table of Object.values(TABLES)) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
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

    it("gives 16 KiB pages to a database that holds only the scheduler's tables, keeping them", async () => {
      // The backend's scheduler creates its tables in the plugin's database first. A
      // database file: an in-memory database keeps the page size it was created with.
      const dir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'reliability-pages-'),
      );
      const knex = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(dir, 'plugin.sqlite') },
        useNullAsDefault: true,
      });
      try {
        await knex.schema.createTable(
          'backstage_backend_tasks__tasks',
          table => {
            table.string('id').primary();
          },
        );
        await knex('backstage_backend_tasks__tasks').insert({ id: 'a-task' });
        expect(await pageSize(knex)).not.toBe(SQLITE_PAGE_SIZE);

        await getMigratedClient({ getClient: async () => knex });
        expect(await pageSize(knex)).toBe(SQLITE_PAGE_SIZE);
        await expect(knex('backstage_backend_tasks__tasks')).resolves.toEqual([
          { id: 'a-task' },
        ]);
      } finally {
        await knex.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    it("keeps the page size of a database that holds the plugin's tables", async () => {
      const knex = await databases.init('SQLITE_3');
      await knex.migrate.latest(config);
      const before = await pageSize(knex);
      expect(before).not.toBe(SQLITE_PAGE_SIZE);

      await getMigratedClient({ getClient: async () => knex });
      expect(await pageSize(knex)).toBe(before);
    });
  });
});
