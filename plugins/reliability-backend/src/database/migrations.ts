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
 * The page size a new SQLite database of the plugin is created with. A stored result is
 * a row of about 3 KB: with SQLite's default 4 KiB pages each takes a page of its own and
 * leaves a quarter of it empty, and writing a full run's rows cost the writer thread a
 * fifth more CPU than with 16 KiB pages, where five rows share a page (the benchmark's
 * 50,000-entity run: writer thread 1.4 s -> 1.1 s).
 */
export const SQLITE_PAGE_SIZE = 16_384;

/** Whether the knex client is one of SQLite's (better-sqlite3 or sqlite3). */
export function isSqliteClient(client: Knex): boolean {
  return String(client.client.config?.client ?? '').includes('sqlite');
}

/**
 * Sets the page size while the SQLite database is still empty: a page size takes effect
 * only when the database is created (changing it later needs a VACUUM, which a running
 * backend must not do), so an existing database keeps the one it has.
 */
async function sizeNewSqlitePages(client: Knex): Promise<void> {
  const [{ page_count: pageCount }] = await client.raw('pragma page_count');
  if (Number(pageCount) === 0) {
    await client.raw(`pragma page_size = ${SQLITE_PAGE_SIZE}`);
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
