import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { DatabaseResultStore } from './DatabaseResultStore';
import { SqliteResults } from './SqliteResults';
import { ResultWriteError } from './ResultWriterThread';
import { TABLES } from '../services/types';
import { ReportCodec } from '../lib/compactReport';
import { prepareResult } from '../lib/resultRow';
import {
  checkResult,
  descriptorFor,
  reportFor,
} from '../__testUtils__/reports';
import type { EntityResult } from './ResultStore';
import { holdSqliteWriteLock } from '../__testUtils__/sqliteWriteLock';

jest.setTimeout(60_000);

function resultFor(
  name: string,
  state: 'pass' | 'fail' = 'fail',
): EntityResult {
  const entity = descriptorFor(name);
  return {
    entity,
    report: reportFor(entity.entityRef, {
      checks: [checkResult('owner', 'pass'), checkResult('slo-defined', state)],
    }),
  };
}

/** SQLite in a file, as Backstage runs it with `connection.directory`: the writer thread's case. */
describe('SqliteResults with a database file', () => {
  let dir: string;
  let knex: Knex;
  const closers: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-sqlite-'));
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'reliability.sqlite') },
      useNullAsDefault: true,
    });
  });

  afterEach(async () => {
    for (const close of closers.splice(0)) {
      await close();
    }
    await knex.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Writes a batch as a full run's page, on the writer thread. */
  async function writePage(
    store: DatabaseResultStore,
    batch: ReturnType<DatabaseResultStore['prepare']>[],
  ) {
    const pageWrite = await store.beginPageWrite();
    pageWrite.add(batch);
    return pageWrite.finish();
  }

  async function createStore() {
    const store = await DatabaseResultStore.create({
      database: { getClient: async () => knex },
      policy: defaultPolicy,
    });
    closers.push(() => store.close());
    return store;
  }

  it('writes a full run on the writer thread, visible to the backend at once and only when changed', async () => {
    const store = await createStore();
    const batch = Array.from({ length: 300 }, (_, i) =>
      store.prepare(resultFor(`service-${i}`)),
    );
    await expect(writePage(store, batch)).resolves.toEqual({ written: 300 });
    // The thread computed each hash, as the backend's thread would have.
    const seventh = resultFor('service-7');
    await expect(
      knex(TABLES.results)
        .where('entity_ref', 'component:default/service-7')
        .first('result_hash'),
    ).resolves.toEqual({
      result_hash: prepareResult(
        seventh.entity,
        seventh.report,
        new ReportCodec(defaultPolicy),
      ).row.result_hash,
    });
    // The readers' connection sees the thread's commit and is never blocked by it.
    expect((await knex.raw('pragma journal_mode'))[0].journal_mode).toBe('wal');
    await expect(
      store.getResult('component:default/service-7'),
    ).resolves.toEqual(
      expect.objectContaining({ report: resultFor('service-7').report }),
    );
    await expect(
      knex(TABLES.checkSummaries).where(
        'entity_ref',
        'component:default/service-7',
      ),
    ).resolves.toEqual([
      expect.objectContaining({ failing: '["slo-defined"]', waived: '[]' }),
    ]);

    await expect(writePage(store, batch)).resolves.toEqual({ written: 0 });
    await expect(
      writePage(store, [store.prepare(resultFor('service-7', 'pass'))]),
    ).resolves.toEqual({ written: 1 });
    await expect(
      knex(TABLES.checkSummaries).where(
        'entity_ref',
        'component:default/service-7',
      ),
    ).resolves.toEqual([]);
  });

  it('keeps in-memory databases on the one connection they have', async () => {
    const memory = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    try {
      expect(SqliteResults.forClient(memory)?.usesWriterThread).toBe(false);
      expect(
        SqliteResults.forClient(knex, { writerThread: false })
          ?.usesWriterThread,
      ).toBe(false);
    } finally {
      await memory.destroy();
    }
  });

  it('lets the backend write on its own connection while the thread writes', async () => {
    const store = await createStore();
    const pages = Array.from({ length: 4 }, (_, page) =>
      Array.from({ length: 500 }, (__, i) =>
        store.prepare(resultFor(`page-${page}-service-${i}`)),
      ),
    );
    const [background, foreground] = await Promise.all([
      Promise.all(pages.map(page => writePage(store, page))),
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.writeResults([resultFor(`attested-${i}`)]),
        ),
      ),
    ]);
    expect(background.map(outcome => outcome.written)).toEqual([
      500, 500, 500, 500,
    ]);
    expect(foreground.every(outcome => outcome.written === 1)).toBe(true);
    expect(Number((await knex(TABLES.results).count({ n: '*' }))[0].n)).toBe(
      2020,
    );
    expect(
      Number((await knex(TABLES.checkSummaries).count({ n: '*' }))[0].n),
    ).toBe(2020);
  });

  it('waits while another connection holds the write lock instead of failing', async () => {
    const store = await createStore();
    // The store's first write put the file in WAL mode, as the backend's runs do.
    await writePage(store, [store.prepare(resultFor('first'))]);
    const filename = path.join(dir, 'reliability.sqlite');

    // A write on the backend's connection reads each stored hash before it writes.
    let holder = await holdSqliteWriteLock(filename, 300);
    await expect(store.writeResults([resultFor('attested')])).resolves.toEqual({
      written: 1,
    });
    await holder.released;

    holder = await holdSqliteWriteLock(filename, 300);
    await expect(
      writePage(store, [store.prepare(resultFor('paged'))]),
    ).resolves.toEqual({ written: 1 });
    await holder.released;
    expect(Number((await knex(TABLES.results).count({ n: '*' }))[0].n)).toBe(3);
  });

  it('hands no page to the writer thread before the file is in WAL mode', async () => {
    const store = await createStore();
    // Holds the backend's connection, which the switch to WAL needs, until opened.
    const client = knex.client as { acquireConnection(): Promise<unknown> };
    const acquire = client.acquireConnection.bind(client);
    let open!: () => void;
    const gate = new Promise<void>(resolve => {
      open = resolve;
    });
    const acquisition = jest
      .spyOn(client, 'acquireConnection')
      .mockImplementation(async () => {
        await gate;
        return acquire();
      });
    const begun: string[] = [];
    const pages = ['first', 'second'].map(name =>
      store.beginPageWrite().then(pageWrite => {
        begun.push(name);
        return pageWrite;
      }),
    );
    // Both pages wait for the same thread start; once the first asks for the connection
    // to switch modes, the second is past it too.
    while (acquisition.mock.calls.length === 0) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(begun).toEqual([]);

    open();
    const [first, second] = await Promise.all(pages);
    // One switch for both pages.
    expect(acquisition).toHaveBeenCalledTimes(1);
    acquisition.mockRestore();
    expect(await knex.raw('pragma journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
    first.add([store.prepare(resultFor('first'))]);
    second.add([store.prepare(resultFor('second'))]);
    await expect(
      Promise.all([first.finish(), second.finish()]),
    ).resolves.toEqual([{ written: 1 }, { written: 1 }]);
  });

  it("passes SQLite's own errors on, naming the column", async () => {
    const store = await createStore();
    const broken = store.prepare(resultFor('broken'));
    (broken.row as { kind: string | null }).kind = null;
    const failure = writePage(store, [broken]);
    await expect(failure).rejects.toBeInstanceOf(ResultWriteError);
    await expect(failure).rejects.toThrow(/NOT NULL.*kind/);
    await expect(knex(TABLES.results)).resolves.toEqual([]);
  });

  describe('a full run page handed over slice by slice', () => {
    const slices = (prefix: string, store: DatabaseResultStore) =>
      [0, 1, 2].map(slice =>
        Array.from({ length: 40 }, (_, i) =>
          store.prepare(resultFor(`${prefix}-${slice}-${i}`)),
        ),
      );
    const count = async () =>
      Number((await knex(TABLES.results).count({ n: '*' }))[0].n);

    it('sends each slice to the writer thread and writes the page in one go', async () => {
      const store = await createStore();
      const pageWrite = await store.beginPageWrite();
      for (const slice of slices('page', store)) {
        pageWrite.add(slice);
      }
      // Nothing is written before the page is finished: a page is one transaction.
      expect(await count()).toBe(0);
      await expect(pageWrite.finish()).resolves.toEqual({ written: 120 });
      expect(await count()).toBe(120);
      expect((await knex.raw('pragma journal_mode'))[0].journal_mode).toBe(
        'wal',
      );
      const stored = await knex(TABLES.results)
        .where('entity_ref', 'component:default/page-1-7')
        .first('result_hash');
      const expected = resultFor('page-1-7');
      expect(stored.result_hash).toBe(
        prepareResult(
          expected.entity,
          expected.report,
          new ReportCodec(defaultPolicy),
        ).row.result_hash,
      );

      const again = await store.beginPageWrite();
      for (const slice of slices('page', store)) {
        again.add(slice);
      }
      await expect(again.finish()).resolves.toEqual({ written: 0 });
    });

    it('writes nothing of a discarded page, and keeps the thread for the next', async () => {
      const store = await createStore();
      const discarded = await store.beginPageWrite();
      discarded.add(slices('gone', store)[0]);
      discarded.discard();
      const next = await store.beginPageWrite();
      next.add(slices('kept', store)[0]);
      await expect(next.finish()).resolves.toEqual({ written: 40 });
      expect(await count()).toBe(40);
      await expect(
        store.getResult('component:default/gone-0-0'),
      ).resolves.toBeUndefined();
    });

    it('writes the page on its own connection when the thread cannot start', async () => {
      const store = await createStore();
      const results = SqliteResults.forClient(knex, {
        driverPath: path.join(dir, 'no-such-driver.js'),
      })!;
      closers.push(() => results.close());
      const pageWrite = await results.beginPageWrite();
      expect(results.usesWriterThread).toBe(false);
      pageWrite.add(slices('fallback', store)[0]);
      await expect(pageWrite.finish()).resolves.toEqual({ written: 40 });
      expect(await count()).toBe(40);
    });

    it('fails the page, naming the cause, when the thread stops before storing it', async () => {
      const store = await createStore();
      const results = SqliteResults.forClient(knex)!;
      closers.push(() => results.close());
      const pageWrite = await results.beginPageWrite();
      pageWrite.add(slices('lost', store)[0]);
      await results.close();
      const failure = pageWrite.finish();
      await expect(failure).rejects.toBeInstanceOf(ResultWriteError);
      await expect(failure).rejects.toThrow(
        /writer thread stopped before it stored a page.*exited/,
      );
      expect(results.usesWriterThread).toBe(false);
      expect(await count()).toBe(0);
      // Later pages are written on the backend's connection.
      const next = await results.beginPageWrite();
      next.add(slices('after', store)[0]);
      await expect(next.finish()).resolves.toEqual({ written: 40 });
    });
  });
});
