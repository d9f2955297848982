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
      run = client.migrate.latest({
        directory: migrationsDir,
        tableName: MIGRATIONS_TABLE,
      });
      runs.set(client, run);
      run.catch(() => runs.delete(client));
    }
    await run;
  }
  return client;
}
