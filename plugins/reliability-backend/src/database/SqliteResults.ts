import type { Knex } from 'knex';
import { TABLES } from '../services/types';
import type { PreparedResult } from '../lib/resultRow';
import {
  createResultWriter,
  resultWriterScript,
  toWriteBatch,
  type WriteBatch,
} from './resultWriter';
import { ResultWriteError, ResultWriterThread } from './ResultWriterThread';
import { heldPageWrite, type PageWrite } from './ResultStore';

/** The part of a better-sqlite3 statement and connection the writer uses. */
interface Statement {
  run(...bindings: unknown[]): unknown;
  get(...bindings: unknown[]): any;
  pluck(): Statement;
}
interface Connection {
  prepare(sql: string): Statement;
  pragma(source: string): unknown;
}

/** A stored row's identity: it changes whenever the row is rewritten. */
export interface StoredVersion {
  result_hash: string;
  evaluated_at: string;
}

export type StoredRow = StoredVersion & { entity_ref: string; report: string };

interface Statements {
  readVersion: Statement;
  readRow: Statement;
  write(batch: WriteBatch): number;
}

function prepareStatements(connection: Connection): Statements {
  const readVersion = connection.prepare(
    `select "result_hash", "evaluated_at" from "${TABLES.results}" where "entity_ref" = ?`,
  );
  const readRow = connection.prepare(
    `select "entity_ref", "result_hash", "evaluated_at", "report" from "${TABLES.results}" where "entity_ref" = ?`,
  );
  return { readVersion, readRow, write: createResultWriter(connection) };
}

/** knex's better-sqlite3 connection settings, when they name a database file. */
function databaseFile(db: Knex): string | undefined {
  const connection = db.client.config?.connection;
  const filename =
    typeof connection === 'object' && connection !== null
      ? (connection as { filename?: unknown }).filename
      : undefined;
  if (
    typeof filename !== 'string' ||
    filename === '' ||
    filename === ':memory:' ||
    filename.startsWith('file::memory:') ||
    filename.includes('mode=memory')
  ) {
    return undefined;
  }
  return filename;
}

/**
 * The better-sqlite3 that knex loads, for the writer thread to load too: resolved from
 * this package, or else from knex's own folder (it is Backstage's dependency, not ours).
 */
function resolveDriver(): string | undefined {
  for (const paths of [undefined, [require.resolve('knex')]]) {
    try {
      return require.resolve('better-sqlite3', paths && { paths });
    } catch {
      // try the next place; without a driver path the writes stay on knex's connection
    }
  }
  return undefined;
}

/**
 * SQLite through better-sqlite3, with statements prepared once per connection:
 * - writes: one transaction per batch that reads each stored hash and writes only changed
 *   rows, a statement run per row (workers/sqliteResultWriter.js). better-sqlite3 is
 *   synchronous and in-process, so this avoids knex building, parsing and binding large
 *   multi-row statements (several times the cost of the row writes themselves);
 * - a full run's batches, when the database is a file, go to a worker thread with a
 *   connection of its own (WAL mode, so readers are never blocked by it): SQLite then
 *   writes one page while this thread scores the next, on the machine's other core;
 * - reads of one result: knex would build the SQL and prepare a statement on every call,
 *   several times the cost of the lookup itself.
 */
export class SqliteResults {
  readonly #statements = new WeakMap<object, Statements>();
  #thread?: ResultWriterThread;
  #wal?: Promise<void>;

  /** The fast path when the client is better-sqlite3 (Backstage's SQLite client); else none. */
  static forClient(
    db: Knex,
    options?: { writerThread?: boolean; driverPath?: string },
  ): SqliteResults | undefined {
    if (db.client.config?.client !== 'better-sqlite3') {
      return undefined;
    }
    const filename = databaseFile(db);
    const driverPath = options?.driverPath ?? resolveDriver();
    const thread =
      (options?.writerThread ?? true) && filename && driverPath
        ? new ResultWriterThread({
            scriptPath: resultWriterScript,
            filename,
            driverPath,
            busyTimeoutMs: 10_000,
          })
        : undefined;
    return new SqliteResults(db, thread);
  }

  private constructor(
    private readonly db: Knex,
    thread: ResultWriterThread | undefined,
  ) {
    this.#thread = thread;
  }

  /** Writes on knex's connection, so it is part of what this connection does next. */
  async write(results: PreparedResult[]): Promise<{ written: number }> {
    const batch = toWriteBatch(results);
    return this.#withStatements(statements => ({
      written: statements.write(batch),
    }));
  }

  /**
   * A full run's page. Each slice goes to the writer thread as soon as it is added, once
   * the thread has opened its connection (this waits for that); a thread that cannot
   * start leaves this page, and later ones, to this connection. A thread that dies once
   * slices have gone to it fails the page: they cannot be written again from here, so the
   * run stops, and later writes (the next run's) go to this connection.
   */
  async beginPageWrite(): Promise<PageWrite> {
    const thread = this.#thread;
    if (thread && !(await thread.ready())) {
      this.#dropThread(thread);
    }
    if (!this.#thread) {
      return heldPageWrite(results => this.write(results));
    }
    await this.#useWal();
    const batch = thread!.openBatch();
    return {
      add: results => batch.append(toWriteBatch(results)),
      discard: () => batch.discard(),
      finish: async () => {
        try {
          return { written: await batch.commit() };
        } catch (error) {
          if (error instanceof ResultWriteError) {
            throw error;
          }
          this.#dropThread(thread!);
          throw new ResultWriteError(
            `The result writer thread stopped before it stored a page of results, which is not written: ${
              (error as Error).message
            }`,
          );
        }
      },
    };
  }

  /** Later batches are written on this connection rather than paying for a start each. */
  #dropThread(thread: ResultWriterThread) {
    if (this.#thread === thread) {
      this.#thread = undefined;
      // Nothing waits for the thread to stop: it holds no batch any caller still awaits.
      void thread.close();
    }
  }

  /** Stops the writer thread, if one is running. */
  async close(): Promise<void> {
    await this.#thread?.close();
  }

  /** Whether a full run's batches go to a writer thread. */
  get usesWriterThread(): boolean {
    return this.#thread !== undefined;
  }

  /**
   * With two connections, a rollback journal would make every read of this one wait
   * while the writer thread commits; in WAL mode readers never wait for a writer. The
   * mode is the database file's, so it is set once, here.
   */
  #useWal(): Promise<void> {
    // Every page waits for the one switch: a page sent to the thread before it is done
    // would hold a lock the switch needs, and it would fail with "database is locked".
    this.#wal ??= this.#switchToWal().catch(error => {
      this.#wal = undefined;
      throw error;
    });
    return this.#wal;
  }

  async #switchToWal() {
    const connection = (await this.db.client.acquireConnection()) as Connection;
    try {
      connection.pragma('journal_mode = WAL');
    } finally {
      await this.db.client.releaseConnection(connection);
    }
  }

  async readVersion(entityRef: string): Promise<StoredVersion | undefined> {
    return this.#withStatements(statements =>
      statements.readVersion.get(entityRef),
    );
  }

  async readRow(entityRef: string): Promise<StoredRow | undefined> {
    return this.#withStatements(statements =>
      statements.readRow.get(entityRef),
    );
  }

  async #withStatements<T>(use: (statements: Statements) => T): Promise<T> {
    // knex's SQLite pool holds a single connection: while it is ours, no other query runs.
    const connection = (await this.db.client.acquireConnection()) as Connection;
    try {
      let statements = this.#statements.get(connection);
      if (!statements) {
        statements = prepareStatements(connection);
        this.#statements.set(connection, statements);
      }
      return use(statements);
    } finally {
      await this.db.client.releaseConnection(connection);
    }
  }
}
