import { TestDatabases } from '@backstage/backend-test-utils';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import { TABLES } from './types';
import { EvaluationService } from './EvaluationService';
import { pagedCatalog } from '../__testUtils__/pagedCatalog';

jest.setTimeout(180_000);

const SIZE = 100;

/** Starts a full run in a child process and kills it (SIGKILL) once `pages` pages are stored. */
async function killDuringRun(knexConfig: Knex.Config, pages: number) {
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.resolve(__dirname, '../__testUtils__/runUntilKilled.ts'),
      JSON.stringify(knexConfig),
      String(SIZE),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', chunk => {
    stderr += chunk;
  });
  const exited = new Promise<NodeJS.Signals | null>(resolve =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
      if (stdout.includes(`page ${pages}\n`)) {
        child.kill('SIGKILL');
        resolve();
      } else if (stdout.includes('finished')) {
        reject(new Error('The run finished before it was killed'));
      }
    });
    child.on('exit', () =>
      reject(new Error(`The run stopped by itself: ${stderr}`)),
    );
  });
  expect(await exited).toBe('SIGKILL');
}

describe('a backend killed during a full run', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });
  const postgresIds = databases.eachSupportedId();

  async function restartAndRecover(knex: Knex) {
    const stored: Array<{ entity_ref: string; result_hash: string }> =
      await knex(TABLES.results).select('entity_ref', 'result_hash');
    expect(stored.length).toBeGreaterThanOrEqual(20);
    expect(stored.length).toBeLessThan(SIZE);
    const [killedRun] = await knex(TABLES.runs).whereNull('finished_at');
    expect(killedRun).toBeDefined();

    // The restart: a new store and service on the same database.
    const resultStore = await DatabaseResultStore.create({
      database: { getClient: async () => knex },
      policy: defaultPolicy,
    });
    const service = new EvaluationService({
      catalog: pagedCatalog(SIZE),
      auth: { getOwnServiceCredentials: async () => ({} as never) },
      logger: {
        info: () => {},
        warn: () => {},
        error: () => {},
        debug: () => {},
        child: () => undefined as never,
      },
      policy: defaultPolicy,
      sloSource: {
        load: async () => ({ status: 'absent', slos: [], problems: [] }),
      },
      resultStore,
      reviewFacts: { getFacts: async () => new Map() },
      pageSize: 10,
    });
    await expect(service.abandonUnfinishedRuns()).resolves.toEqual([
      Number(killedRun.id),
    ]);
    const summary = await service.evaluateAll();
    expect(summary).toMatchObject({
      evaluated: SIZE,
      written: SIZE - stored.length,
      deleted: 0,
    });

    // Every result stored before the kill is still there, unchanged.
    const after = new Map(
      (await knex(TABLES.results).select('entity_ref', 'result_hash')).map(
        (row: { entity_ref: string; result_hash: string }) => [
          row.entity_ref,
          row.result_hash,
        ],
      ),
    );
    expect(after.size).toBe(SIZE);
    for (const row of stored) {
      expect(after.get(row.entity_ref)).toBe(row.result_hash);
    }
    const runs = await knex(TABLES.runs).orderBy('id');
    expect(
      runs.map(run => [Number(run.id), Boolean(run.abandoned), run.evaluated]),
    ).toEqual([
      [Number(killedRun.id), true, 0],
      [summary.runId, false, SIZE],
    ]);
    await expect(resultStore.getLastFinishedRun()).resolves.toMatchObject({
      id: summary.runId,
    });
  }

  it('recovers on SQLite in a file: the abandoned run is marked and a full run completes at once', async () => {
    expect.hasAssertions();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-kill-'));
    const config: Knex.Config = {
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'reliability.sqlite') },
      useNullAsDefault: true,
    };
    const knex = knexFactory(config);
    try {
      await DatabaseResultStore.create({
        database: { getClient: async () => knex },
        policy: defaultPolicy,
      });
      await killDuringRun(config, 3);
      await restartAndRecover(knex);
    } finally {
      await knex.destroy();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  const onPostgres =
    postgresIds.length > 0
      ? it.each(postgresIds)
      : it.skip.each([['POSTGRES_16' as const]]);
  onPostgres(
    'recovers on PostgreSQL: the abandoned run is marked and a full run completes at once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseResultStore.create({
        database: { getClient: async () => knex },
        policy: defaultPolicy,
      });
      await killDuringRun(
        { client: 'pg', connection: knex.client.config.connection },
        3,
      );
      await restartAndRecover(knex);
    },
  );
});
