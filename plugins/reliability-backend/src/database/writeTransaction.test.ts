import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { TestDatabases } from '@backstage/backend-test-utils';
import { TABLES } from '../services/types';
import { holdSqliteWriteLock } from '../__testUtils__/sqliteWriteLock';
import { getMigratedClient } from './migrations';
import { writeTransaction } from './writeTransaction';

jest.setTimeout(60_000);

/** A transaction that reads before it writes, as the stores' writes do. */
const readThenWrite = (startedAt: string) => async (tx: Knex.Transaction) => {
  const [{ n }] = await tx(TABLES.runs).count({ n: '*' });
  await tx(TABLES.runs).insert({
    started_at: startedAt,
    evaluated: Number(n),
    written: 0,
    deleted: 0,
  });
  return Number(n);
};

describe('writeTransaction on a SQLite file another connection writes to', () => {
  let dir: string;
  let filename: string;
  let knex: Knex;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-lock-'));
    filename = path.join(dir, 'reliability.sqlite');
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
    });
    await getMigratedClient({ getClient: async () => knex });
    await knex.raw('pragma journal_mode = WAL');
  });

  afterEach(async () => {
    await knex.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("waits for the other connection's write instead of failing", async () => {
    const holder = await holdSqliteWriteLock(filename, 300);
    await expect(
      writeTransaction(knex, readThenWrite('2026-12-05T00:00:00.000Z')),
    ).resolves.toBe(0);
    await holder.released;
    await expect(knex(TABLES.runs).count({ n: '*' })).resolves.toEqual([
      { n: 1 },
    ]);
  });
});

describe('writeTransaction', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'commits what the function wrote and rolls it all back when it throws, %p',
    async databaseId => {
      const db = await databases.init(databaseId);
      await getMigratedClient({ getClient: async () => db });
      await writeTransaction(db, readThenWrite('2026-12-05T00:00:00.000Z'));
      await expect(
        writeTransaction(db, async tx => {
          await readThenWrite('2026-12-05T01:00:00.000Z')(tx);
          throw new Error('broken');
        }),
      ).rejects.toThrow('broken');
      const rows = await db(TABLES.runs).select('started_at', 'evaluated');
      expect(rows).toEqual([
        { started_at: '2026-12-05T00:00:00.000Z', evaluated: 0 },
      ]);
    },
  );
});
