import { DatabaseService } from '@backstage/backend-plugin-api';
import type { ReliabilityPolicy } from '@reliability-suite/plugin-reliability-common';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { TABLES } from '../services/types';
import { ReportCodec } from '../lib/compactReport';
import type { CheckSummaryRow } from '../lib/checkSummary';
import { prepareResult, type PreparedResult } from '../lib/resultRow';
import {
  SqliteResults,
  type StoredRow,
  type StoredVersion,
} from './SqliteResults';
import { getMigratedClient, isSqliteClient } from './migrations';
import { writeTransaction } from './writeTransaction';
import {
  heldPageWrite,
  type EntityResult,
  type EvaluationRun,
  type PageWrite,
  type ResultStore,
  type ResultVersion,
  type StoredReportJson,
  type StoredResult,
} from './ResultStore';

/** Refs read per page when looking for results of deleted entities. */
const SCAN_PAGE_SIZE = 5000;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** The `values` list of a multi-row insert: `?` placeholders, or `$n` for PostgreSQL. */
function valuesList(rows: number, columns: number, numbered: boolean): string {
  const tuples: string[] = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const placeholders: string[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      placeholders[column] = numbered ? `$${row * columns + column + 1}` : '?';
    }
    tuples[row] = `(${placeholders.join(',')})`;
  }
  return tuples.join(',');
}

/**
 * The name of a prepared statement: the table and a digest of the text, so a different
 * column list (after a migration) or batch size is a different statement, never one a
 * pooled connection prepared with other text.
 */
function preparedName(table: string, sql: string): string {
  return `${table}-insert-${createHash('sha1')
    .update(sql)
    .digest('hex')
    .slice(0, 16)}`;
}

/**
 * Rows per insert statement at most: a full run's page of 500 is written as two statements
 * of the same size, both the one prepared statement of their table (see insertRows).
 */
const MAX_ROWS_PER_STATEMENT = 250;

/**
 * Multi-row `insert ... values (...), (...)` of up to 250 rows a statement (fewer where
 * the bind-variable limit requires); with `upsertOn`, existing rows are replaced (SQLite
 * ≥ 3.24 and PostgreSQL share the `on conflict ... do update` syntax). Plain VALUES lists
 * parse far faster than the `union all select` form knex's query builder emits for
 * SQLite, and are not subject to SQLite's 500-term compound-select limit.
 *
 * On PostgreSQL the statement is written with `$n` placeholders and its values go to the
 * driver as the query's `values` option: knex would otherwise rewrite each of thousands
 * of `?` per statement twice (to its own bindings, then to `$n`), which cost the scoring
 * thread about 10 µs an entity in a full run. Statements of the full size are named, so
 * each pooled connection parses and plans them once: parsing, analysing and planning
 * VALUES lists of thousands of parameters was a third of PostgreSQL's CPU in a full run.
 * Shorter remainders stay unnamed, so a connection keeps at most one prepared insert a
 * table.
 *
 * With `newerOnly` (PostgreSQL), an existing row is replaced only by one whose `newerOnly`
 * column is not older, and the keys of the rows written are returned.
 */
async function insertRows<T extends object>(
  tx: Knex.Transaction,
  table: string,
  rows: T[],
  options: {
    maxVariables: number;
    upsertOn?: string;
    newerOnly?: string;
    postgres: boolean;
  },
): Promise<string[] | undefined> {
  const { upsertOn, newerOnly } = options;
  const returning = upsertOn && newerOnly && options.postgres;
  if (rows.length === 0) {
    return returning ? [] : undefined;
  }
  const columns = Object.keys(rows[0]) as Array<keyof T & string>;
  const quoted = columns.map(column => `"${column}"`);
  const conflict = upsertOn
    ? ` on conflict ("${upsertOn}") do update set ${quoted
        .filter(column => column !== `"${upsertOn}"`)
        .map(column => `${column} = excluded.${column}`)
        .join(', ')}${
        returning
          ? ` where excluded."${newerOnly}" >= "${table}"."${newerOnly}" returning "${upsertOn}"`
          : ''
      }`
    : '';
  const written: string[] = [];
  const rowsPerStatement = Math.max(
    1,
    Math.min(
      MAX_ROWS_PER_STATEMENT,
      Math.floor(options.maxVariables / columns.length),
    ),
  );
  for (const part of chunk(rows, rowsPerStatement)) {
    const bindings: unknown[] = [];
    for (const row of part) {
      for (const column of columns) {
        bindings.push(row[column]);
      }
    }
    const sql = `insert into "${table}" (${quoted.join(
      ',',
    )}) values ${valuesList(
      part.length,
      columns.length,
      options.postgres,
    )}${conflict}`;
    if (options.postgres) {
      const result = await tx.raw(sql).options({
        values: bindings,
        ...(part.length === rowsPerStatement && {
          name: preparedName(table, sql),
        }),
      });
      if (returning) {
        for (const row of result.rows as Record<string, string>[]) {
          written.push(row[upsertOn]);
        }
      }
    } else {
      await tx.raw(sql, bindings as any);
    }
  }
  return returning ? written : undefined;
}

/**
 * A page's stored hashes and the deletion of its check summaries, on PostgreSQL: one array
 * parameter in a statement each connection prepares once. As `in (...)` lists of 500
 * values they were parsed and planned on every page, and while the tables were new (never
 * analysed) planned as sequential scans, so each page read the whole summaries table.
 */
const READ_HASHES = {
  name: 'reliability-read-hashes',
  text: `select "entity_ref", "result_hash" from "${TABLES.results}" where "entity_ref" = any($1::text[])`,
};
const DELETE_SUMMARIES = {
  name: 'reliability-delete-summaries',
  text: `delete from "${TABLES.checkSummaries}" where "entity_ref" = any($1::text[])`,
};

const READ_VERSION = {
  columns: ['result_hash', 'evaluated_at'],
  name: 'reliability-read-result-version',
  text: `select "result_hash", "evaluated_at" from "${TABLES.results}" where "entity_ref" = $1`,
};
const READ_ROW = {
  columns: ['entity_ref', 'result_hash', 'evaluated_at', 'report'],
  name: 'reliability-read-result',
  text: `select "entity_ref", "result_hash", "evaluated_at", "report" from "${TABLES.results}" where "entity_ref" = $1`,
};

/** Bind variables per statement we aim for: fewer, larger statements write faster. */
const LARGE_STATEMENT_VARIABLES = 8000;

/**
 * SQLite builds before 3.32 cap a statement at 999 bind variables, newer ones at 32766;
 * PostgreSQL at 65535. Probing once lets a modern SQLite use large batches while an old
 * build still works.
 */
async function probeMaxVariables(db: Knex): Promise<number> {
  if (!isSqliteClient(db)) {
    return LARGE_STATEMENT_VARIABLES;
  }
  try {
    const placeholders = new Array(LARGE_STATEMENT_VARIABLES).fill('?');
    await db.raw(
      `select 1 where 1 not in (${placeholders.join(',')})`,
      new Array(LARGE_STATEMENT_VARIABLES).fill(0),
    );
    return LARGE_STATEMENT_VARIABLES;
  } catch {
    return 999;
  }
}

type RunRow = {
  id: number;
  started_at: string;
  finished_at: string | null;
  evaluated: number;
  written: number;
  deleted: number;
};

function toRun(row: RunRow): EvaluationRun {
  return {
    id: Number(row.id),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    evaluated: Number(row.evaluated),
    written: Number(row.written),
    deleted: Number(row.deleted),
  };
}

/**
 * Stores current results in `reliability_entity_results` and `reliability_check_summaries`.
 * The `report` column holds the report without the policy's static check texts (see
 * ReportCodec); reads give back the full report.
 */
export class DatabaseResultStore implements ResultStore {
  /** Max bind variables per statement (see probeMaxVariables). */
  readonly #maxVariables: number;
  readonly #isPostgres: boolean;
  readonly #codec: ReportCodec;
  readonly #sqlite?: SqliteResults;

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** The policy whose check texts stored reports leave out and reads put back. */
    policy: Pick<ReliabilityPolicy, 'checks'>;
    /**
     * SQLite in a file: write a full run's pages on a worker thread (default true). Off,
     * they are written on knex's connection, between the scoring of two pages.
     */
    sqliteWriterThread?: boolean;
  }): Promise<DatabaseResultStore> {
    const client = await getMigratedClient(options.database, {
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseResultStore(
      client,
      await probeMaxVariables(client),
      new ReportCodec(options.policy),
      SqliteResults.forClient(client, {
        writerThread: options.sqliteWriterThread,
      }),
    );
  }

  private constructor(
    private readonly db: Knex,
    maxVariables: number,
    codec: ReportCodec,
    sqlite: SqliteResults | undefined,
  ) {
    this.#maxVariables = maxVariables;
    this.#isPostgres = String(db.client.config.client ?? '').startsWith('pg');
    this.#codec = codec;
    this.#sqlite = sqlite;
  }

  /** Stops the SQLite writer thread, if one runs (it also stops by itself when idle). */
  async close(): Promise<void> {
    await this.#sqlite?.close();
  }

  prepare(result: EntityResult): PreparedResult {
    // Every write through better-sqlite3 goes through the SQLite writer, which hashes on
    // its own thread (for a full run, off the thread that scores).
    return prepareResult(result.entity, result.report, this.#codec, {
      hash: this.#sqlite === undefined,
    });
  }

  async writeResults(results: EntityResult[]): Promise<{ written: number }> {
    return this.writePreparedResults(
      results.map(result => this.prepare(result)),
    );
  }

  async beginPageWrite(): Promise<PageWrite> {
    return this.#sqlite
      ? this.#sqlite.beginPageWrite()
      : heldPageWrite(results => this.writePreparedResults(results));
  }

  async writePreparedResults(
    results: PreparedResult[],
  ): Promise<{ written: number }> {
    if (results.length === 0) {
      return { written: 0 };
    }
    if (this.#sqlite) {
      return this.#sqlite.write(results);
    }
    // Last one wins when a batch holds the same entity twice.
    const byRef = new Map<string, PreparedResult>();
    for (const result of results) {
      byRef.set(result.row.entity_ref, result);
    }
    const storedHashes = await this.#readHashes(this.db, [...byRef.keys()]);
    const changed = [...byRef.values()].filter(
      prepared =>
        storedHashes.get(prepared.row.entity_ref) !== prepared.row.result_hash,
    );
    if (changed.length === 0) {
      return { written: 0 };
    }

    const refsPerStatement = this.#maxVariables;
    let written = changed.length;
    await writeTransaction(this.db, async tx => {
      if (this.#isPostgres) {
        // Results are derived data that the next run recomputes and compares, so a crash
        // may lose the last commits (never corrupt anything) without waiting for the WAL
        // flush on each page.
        await tx.raw('set local synchronous_commit = off');
      }
      // VALUES rather than unnest: the JSON reports are full of quotes, which an array
      // literal would escape (in JS) and unescape (in PostgreSQL) again; measured slower.
      // A result evaluated before the stored one is not written: a full run's page
      // scored before an attestation's re-evaluation of one of its entities must not
      // undo it when its write lands after.
      const writtenRefs = await insertRows(
        tx,
        TABLES.results,
        changed.map(p => p.row),
        {
          maxVariables: this.#maxVariables,
          upsertOn: 'entity_ref',
          newerOnly: 'evaluated_at',
          postgres: this.#isPostgres,
        },
      );
      const writtenSet = writtenRefs && new Set(writtenRefs);
      const writtenResults = writtenSet
        ? changed.filter(p => writtenSet.has(p.row.entity_ref))
        : changed;
      written = writtenResults.length;
      if (written === 0) {
        return;
      }
      // Also for results that were not stored when the hashes were read: a concurrent
      // write of the same entity (an attestation while a run writes its page) may have
      // stored them since; the upsert above waited for it, so this sees its summary.
      const changedRefs = writtenResults.map(p => p.row.entity_ref);
      if (this.#isPostgres) {
        await tx.raw(DELETE_SUMMARIES.text).options({
          name: DELETE_SUMMARIES.name,
          values: [changedRefs],
        });
      } else {
        for (const part of chunk(changedRefs, refsPerStatement)) {
          await tx(TABLES.checkSummaries).whereIn('entity_ref', part).delete();
        }
      }
      const summaries = writtenResults
        .map(p => p.checkSummary)
        .filter((summary): summary is CheckSummaryRow => summary !== null);
      await insertRows(tx, TABLES.checkSummaries, summaries, {
        maxVariables: this.#maxVariables,
        postgres: this.#isPostgres,
      });
    });
    return { written };
  }

  async getResult(entityRef: string): Promise<StoredResult | undefined> {
    const stored = await this.#readStored(entityRef);
    if (!stored) {
      return undefined;
    }
    return {
      entityRef: stored.entityRef,
      report: this.#codec.decode(stored.storedJson),
      evaluatedAt: stored.evaluatedAt,
      resultHash: stored.resultHash,
    };
  }

  async getReportJson(
    entityRef: string,
  ): Promise<StoredReportJson | undefined> {
    const stored = await this.#readStored(entityRef);
    if (!stored) {
      return undefined;
    }
    const { storedJson, ...rest } = stored;
    return {
      ...rest,
      reportJson: this.#codec.expandJson(storedJson),
    };
  }

  async getResultVersion(
    entityRef: string,
  ): Promise<ResultVersion | undefined> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const row: StoredVersion | undefined = this.#sqlite
      ? await this.#sqlite.readVersion(ref)
      : await this.#readOne(READ_VERSION, ref);
    return row
      ? { resultHash: row.result_hash, evaluatedAt: row.evaluated_at }
      : undefined;
  }

  async #readStored(
    entityRef: string,
  ): Promise<
    (Omit<StoredReportJson, 'reportJson'> & { storedJson: string }) | undefined
  > {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const row: StoredRow | undefined = this.#sqlite
      ? await this.#sqlite.readRow(ref)
      : await this.#readOne(READ_ROW, ref);
    if (!row) {
      return undefined;
    }
    return {
      entityRef: row.entity_ref,
      storedJson: row.report,
      evaluatedAt: row.evaluated_at,
      resultHash: row.result_hash,
    };
  }

  /**
   * One row by primary key. On PostgreSQL as a named prepared statement on the pooled
   * connection: parsed and planned once per connection instead of on every read, and no
   * knex query building (together about a third of a report read's CPU).
   */
  async #readOne<T>(
    query: { name: string; text: string; columns: string[] },
    entityRef: string,
  ): Promise<T | undefined> {
    if (!this.#isPostgres) {
      return (await this.db(TABLES.results)
        .where('entity_ref', entityRef)
        .first(query.columns)) as T | undefined;
    }
    const connection = await this.db.client.acquireConnection();
    try {
      const result = await connection.query({
        name: query.name,
        text: query.text,
        values: [entityRef],
      });
      return result.rows[0];
    } finally {
      await this.db.client.releaseConnection(connection);
    }
  }

  async deleteResultsNotIn(
    seenEntityRefs: ReadonlySet<string>,
    options: { evaluatedBefore: string },
  ): Promise<number> {
    // Keyset paging over the primary key keeps memory and each query small, whatever the
    // table size, and reads only the key (an index-only scan: the rows themselves, with
    // their large reports, stay on disk). Only the refs to delete are collected; the
    // evaluatedBefore guard is applied by the delete itself.
    const stale: string[] = [];
    let after = '';
    for (;;) {
      const rows: Array<{ entity_ref: string }> = await this.db(TABLES.results)
        .where('entity_ref', '>', after)
        .orderBy('entity_ref', 'asc')
        .limit(SCAN_PAGE_SIZE)
        .select('entity_ref');
      for (const row of rows) {
        if (!seenEntityRefs.has(row.entity_ref)) {
          stale.push(row.entity_ref);
        }
      }
      if (rows.length < SCAN_PAGE_SIZE) {
        break;
      }
      after = rows[rows.length - 1].entity_ref;
    }
    if (stale.length === 0) {
      return 0;
    }
    let deleted = 0;
    await writeTransaction(this.db, async tx => {
      for (const part of chunk(stale, this.#maxVariables - 1)) {
        const removable: string[] = (
          await tx(TABLES.results)
            .whereIn('entity_ref', part)
            .where('evaluated_at', '<', options.evaluatedBefore)
            .select('entity_ref')
        ).map((row: { entity_ref: string }) => row.entity_ref);
        if (removable.length > 0) {
          await tx(TABLES.checkSummaries)
            .whereIn('entity_ref', removable)
            .delete();
          deleted += await tx(TABLES.results)
            .whereIn('entity_ref', removable)
            .delete();
        }
      }
    });
    return deleted;
  }

  async startRun(startedAt: string): Promise<number> {
    const [row] = await this.db(TABLES.runs)
      .insert({ started_at: startedAt, evaluated: 0, written: 0, deleted: 0 })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  async finishRun(
    id: number,
    summary: Omit<EvaluationRun, 'id' | 'startedAt'> & { finishedAt: string },
  ): Promise<void> {
    await this.db(TABLES.runs).where('id', id).update({
      finished_at: summary.finishedAt,
      evaluated: summary.evaluated,
      written: summary.written,
      deleted: summary.deleted,
    });
  }

  async getLastFinishedRun(): Promise<EvaluationRun | undefined> {
    const row: RunRow | undefined = await this.db(TABLES.runs)
      .whereNotNull('finished_at')
      .orderBy('id', 'desc')
      .first();
    return row ? toRun(row) : undefined;
  }

  async #readHashes(db: Knex, refs: string[]): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    if (this.#isPostgres) {
      const {
        rows,
      }: { rows: Array<{ entity_ref: string; result_hash: string }> } = await db
        .raw(READ_HASHES.text)
        .options({
          name: READ_HASHES.name,
          values: [refs],
        });
      for (const row of rows) {
        hashes.set(row.entity_ref, row.result_hash);
      }
      return hashes;
    }
    for (const part of chunk(refs, this.#maxVariables)) {
      const rows: Array<{ entity_ref: string; result_hash: string }> = await db(
        TABLES.results,
      )
        .whereIn('entity_ref', part)
        .select('entity_ref', 'result_hash');
      for (const row of rows) {
        hashes.set(row.entity_ref, row.result_hash);
      }
    }
    return hashes;
  }
}
