import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The knex migrations shipped in this package, shared by every store of the plugin. */
export const migrationsDir = resolvePackagePath(
  '@reliability-suite/plugin-reliability-backend',
  'migrations',
);

/** Our own table name, so the plugin's migrations never mix with another plugin's history. */
export const MIGRATIONS_TABLE = 'reliability_knex_migrations';

// knex refuses (rather than waits) when its migration lock is taken, so stores created
// concurrently on one client share a single run.
const runs = new WeakMap<Knex, Promise<unknown>>();

/**
 * The page size of a SQLite database the plugin creates its tables in. A stored result is a
 * row of a few KB: on SQLite's default 4 KiB pages most rows overflow into pages of their
 * own, while 16 KiB pages hold several.
 */
export const SQLITE_PAGE_SIZE = 16_384;

/** Whether the knex client is one of SQLite's (better-sqlite3 or sqlite3). */
export function isSqliteClient(client: Knex): boolean {
  return String(client.client.config?.client ?? '').includes('sqlite');
}

/**
 * Sets the page size before the plugin creates its tables. A page size takes effect when the
 * database is created or rebuilt by `VACUUM`; the backend's scheduler has usually created its
 * own small tables in the plugin's database already, so the database is rebuilt then, which
 * at that size takes milliseconds. A database that already holds the plugin's tables keeps
 * its page size (rebuilding it could take long), as does one in WAL mode, where the page
 * size cannot change.
 */
async function sizeNewSqlitePages(client: Knex): Promise<void> {
  if (await client.schema.hasTable(MIGRATIONS_TABLE)) {
    return;
  }
  const [{ page_size: pageSize }] = await client.raw('pragma page_size');
  if (Number(pageSize) === SQLITE_PAGE_SIZE) {
    return;
  }
  const [{ journal_mode: journalMode }] = await client.raw(
    'pragma journal_mode',
  );
  if (String(journalMode).toLowerCase() === 'wal') {
    return;
  }
  await client.raw(`pragma page_size = ${SQLITE_PAGE_SIZE}`);
  const [{ page_count: pageCount }] = await client.raw('pragma page_count');
  if (Number(pageCount) > 0) {
    await client.raw('vacuum');
  }
}

/**
 * Returns the plugin's knex client, bringing the schema up to date first unless the
 * deployment asked to skip migrations. Safe to call from every store of the plugin.
 */
export async function getMigratedClient(
  database: DatabaseService,
  options?: { skipMigrations?: boolean },
): Promise<Knex> {
  const client = await database.getClient();
  if (!(options?.skipMigrations ?? database.migrations?.skip)) {
    let run = runs.get(client);
    if (!run) {
      run = (
        isSqliteClient(client) ? sizeNewSqlitePages(client) : Promise.resolve()
      ).then(() =>
        client.migrate.latest({
          directory: migrationsDir,
          tableName: MIGRATIONS_TABLE,
        }),
      );
      runs.set(client, run);
      run.catch(() => runs.delete(client));
    }
    await run;
  }
  return client;
}
