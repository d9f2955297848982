/** Minimal real-enough services for running the plugin's parts outside a backend. */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type {
  AuthService,
  BackstageCredentials,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import knexFactory, { Knex } from 'knex';

export const serviceCredentials: BackstageCredentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'service', subject: 'plugin:reliability' },
} as BackstageCredentials;

export function createLogger(verbose = false): LoggerService {
  const logger: LoggerService = {
    info: (message: string) => verbose && console.log(message),
    warn: (message: string) => console.warn(message),
    error: (message: string) => console.error(message),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

export const auth = {
  getOwnServiceCredentials: async () => serviceCredentials,
} as Pick<AuthService, 'getOwnServiceCredentials'> as AuthService;

/** Every caller is a service principal, as CI calling the gate with a token would be. */
export const httpAuth = {
  credentials: async () => serviceCredentials,
  issueUserCookie: async () => ({ expiresAt: new Date() }),
} as unknown as HttpAuthService;

export const allowAll = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
} as unknown as PermissionsService;

export type BenchDatabaseKind = 'sqlite' | 'postgres';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  knex: Knex;
  database: DatabaseService;
  /** How a second process connects to the same database. */
  connection: {
    kind: BenchDatabaseKind;
    filename?: string;
    url?: string;
    name?: string;
  };
  destroy(): Promise<void>;
}

/**
 * A SQLite file database in a temp folder, or a fresh PostgreSQL database on the given
 * server (dropped afterwards). The same knex settings Backstage uses for each client.
 */
export async function createBenchDatabase(
  kind: BenchDatabaseKind,
  options: { postgresUrl?: string; label: string },
): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-bench-'));
    const filename = path.join(dir, 'reliability.sqlite');
    const knex = connect({ kind, filename });
    return {
      kind,
      knex,
      database: { getClient: async () => knex },
      connection: { kind, filename },
      destroy: async () => {
        await knex.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (!options.postgresUrl) {
    throw new Error('PostgreSQL needs a connection URL');
  }
  const name = `reliability_bench_${options.label}_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: options.postgresUrl });
  await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = connect({ kind, url: options.postgresUrl, name });
  return {
    kind,
    knex,
    database: { getClient: async () => knex },
    connection: { kind, url: options.postgresUrl, name },
    destroy: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}

export function connect(connection: BenchDatabase['connection']): Knex {
  if (connection.kind === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: connection.filename! },
      useNullAsDefault: true,
    });
  }
  const url = new URL(connection.url!);
  url.pathname = `/${connection.name}`;
  return knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
}
