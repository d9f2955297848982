import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { TABLES } from '../services/types';
import type { CheckSummaryRow } from '../lib/checkSummary';
import type { ReliabilityPolicy } from '@reliability-suite/plugin-reliability-common';
import { encodeResult, type EncodedResult, type ResultRow } from './resultRow';
import { StoredReportCodec } from './storedReport';
import { getMigratedClient, isSqliteClient } from './migrations';
import { writeTransaction } from './writeTransaction';
import type {
  EntityResult,
  EvaluationRun,
  ResultStore,
  ResultVersion,
  StoredReportJson,
  StoredResult,
} from './ResultStore';

/** Refs read per page when looking for results of deleted entities. */
const SCAN_PAGE_SIZE = 5000;

/**
 * Rows per upsert statement: at 26 columns within SQLite's 32,766 bind variables
 * (better-sqlite3 bundles SQLite 3.32 or later), and one statement PostgreSQL prepares once.
 */
const ROWS_PER_STATEMENT = 250;

/** Refs per `in (...)` list: within every SQLite build's bind-variable limit. */
const REFS_PER_LIST = 900;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/**
 * The SQLite form of the page upsert: a plain `VALUES` list. knex writes a multi-row insert
 * for SQLite as a compound `SELECT ... UNION ALL SELECT ...`, which SQLite parses several
 * times slower, and a page's statement is parsed anew on every page.
 */
async function upsertSqlite(
  tx: Knex.Transaction,
  rows: ResultRow[],
): Promise<Array<{ entity_ref: string }>> {
  const columns = Object.keys(rows[0]) as Array<keyof ResultRow>;
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const bindings: unknown[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column];
      bindings.push(typeof value === 'boolean' ? Number(value) : value);
    }
  }
  return tx.raw(
    `insert into "${TABLES.results}" (${columns
      .map(column => `"${column}"`)
      .join(',')}) values ${rows
      .map(() => tuple)
      .join(',')} on conflict ("entity_ref") do update set ${columns
      .filter(column => column !== 'entity_ref')
      .map(column => `"${column}" = excluded."${column}"`)
      .join(', ')} where "${
      TABLES.results
    }"."evaluated_at" <= excluded."evaluated_at" returning "entity_ref"`,
    bindings as Knex.RawBinding[],
  );
}

type RunRow = {
  id: number;
  started_at: string;
  finished_at: string | null;
  evaluated: number;
  written: number;
  deleted: number;
  abandoned: boolean | number;
};

function toRun(row: RunRow): EvaluationRun {
  return {
    id: Number(row.id),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    evaluated: Number(row.evaluated),
    written: Number(row.written),
    deleted: Number(row.deleted),
    abandoned: Boolean(row.abandoned),
  };
}

/**
 * Stores current results in `reliability_entity_results` (the report as JSON and the columns
 * the coverage queries filter by) and `reliability_check_summaries`, and full runs in
 * `reliability_runs`.
 */
export class DatabaseResultStore implements ResultStore {
  readonly #db: Knex;
  readonly #isPostgres: boolean;
  readonly #codec: StoredReportCodec;

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** The policy whose check texts stored reports leave out and reads put back. */
    policy: Pick<ReliabilityPolicy, 'checks'>;
  }): Promise<DatabaseResultStore> {
    const client = await getMigratedClient(options.database, {
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseResultStore(
      client,
      new StoredReportCodec(options.policy),
    );
  }

  private constructor(db: Knex, codec: StoredReportCodec) {
    this.#db = db;
    this.#isPostgres = !isSqliteClient(db);
    this.#codec = codec;
  }

  async writeResults(results: EntityResult[]): Promise<{ written: number }> {
    if (results.length === 0) {
      return { written: 0 };
    }
    // Last one wins when a page holds the same entity twice.
    const byRef = new Map<string, EncodedResult>();
    for (const result of results) {
      const encoded = encodeResult(result.entity, result.report, this.#codec);
      byRef.set(encoded.row.entity_ref, encoded);
    }
    const storedHashes = await this.#readHashes([...byRef.keys()]);
    const changed = [...byRef.values()].filter(
      ({ row }) => storedHashes.get(row.entity_ref) !== row.result_hash,
    );
    if (changed.length === 0) {
      return { written: 0 };
    }

    return writeTransaction(this.#db, async tx => {
      if (this.#isPostgres) {
        // Results are derived data that the next run recomputes and compares: a crash may
        // lose the last commits, never corrupt anything, so no page waits for the WAL flush.
        await tx.raw('set local synchronous_commit = off');
      }
      // A result evaluated before the stored one is not written: a full run's page scored
      // before an attestation's re-evaluation of one of its entities must not undo it.
      const writtenRefs = new Set<string>();
      for (const part of chunk(changed, ROWS_PER_STATEMENT)) {
        if (!this.#isPostgres) {
          for (const row of await upsertSqlite(
            tx,
            part.map(encoded => encoded.row),
          )) {
            writtenRefs.add(row.entity_ref);
          }
          continue;
        }
        const upsert = tx(TABLES.results)
          .insert(part.map(({ row }) => row))
          .onConflict('entity_ref')
          .merge()
          .where(
            `${TABLES.results}.evaluated_at`,
            '<=',
            tx.raw('excluded.evaluated_at'),
          )
          .returning('entity_ref');
        if (part.length === ROWS_PER_STATEMENT) {
          // Parsed and planned once per connection: planning a statement of thousands of
          // parameters on every page was most of PostgreSQL's work in a full run.
          upsert.options({ name: `reliability-upsert-${ROWS_PER_STATEMENT}` });
        }
        const rows: Array<{ entity_ref: string }> = await upsert;
        for (const row of rows) {
          writtenRefs.add(row.entity_ref);
        }
      }
      const written = changed.filter(({ row }) =>
        writtenRefs.has(row.entity_ref),
      );
      if (written.length === 0) {
        return { written: 0 };
      }
      for (const part of chunk(written, REFS_PER_LIST)) {
        await tx(TABLES.checkSummaries)
          .whereIn(
            'entity_ref',
            part.map(({ row }) => row.entity_ref),
          )
          .delete();
      }
      const summaries = written
        .map(({ checkSummary }) => checkSummary)
        .filter((summary): summary is CheckSummaryRow => summary !== null);
      for (const part of chunk(summaries, 250)) {
        await tx(TABLES.checkSummaries).insert(part);
      }
      return { written: written.length };
    });
  }

  async getResult(entityRef: string): Promise<StoredResult | undefined> {
    const stored = await this.#readStored(entityRef);
    if (!stored) {
      return undefined;
    }
    const { reportJson, ...rest } = stored;
    return { ...rest, report: this.#codec.decode(reportJson) };
  }

  async getReportJson(
    entityRef: string,
  ): Promise<StoredReportJson | undefined> {
    const stored = await this.#readStored(entityRef);
    return (
      stored && {
        ...stored,
        reportJson: JSON.stringify(this.#codec.decode(stored.reportJson)),
      }
    );
  }

  async #readStored(entityRef: string): Promise<StoredReportJson | undefined> {
    const row:
      | {
          entity_ref: string;
          result_hash: string;
          evaluated_at: string;
          report: string;
        }
      | undefined = await this.#db(TABLES.results)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first('entity_ref', 'result_hash', 'evaluated_at', 'report');
    return row
      ? {
          entityRef: row.entity_ref,
          reportJson: row.report,
          evaluatedAt: row.evaluated_at,
          resultHash: row.result_hash,
        }
      : undefined;
  }

  async getResultVersion(
    entityRef: string,
  ): Promise<ResultVersion | undefined> {
    const row: { result_hash: string; evaluated_at: string } | undefined =
      await this.#db(TABLES.results)
        .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
        .first('result_hash', 'evaluated_at');
    return row
      ? { resultHash: row.result_hash, evaluatedAt: row.evaluated_at }
      : undefined;
  }

  async listResultsNotIn(entityRefs: ReadonlySet<string>): Promise<string[]> {
    // Keyset paging over the primary key reads only the key, in small queries, whatever the
    // table size.
    const unseen: string[] = [];
    let after = '';
    for (;;) {
      const rows: Array<{ entity_ref: string }> = await this.#db(TABLES.results)
        .where('entity_ref', '>', after)
        .orderBy('entity_ref', 'asc')
        .limit(SCAN_PAGE_SIZE)
        .select('entity_ref');
      for (const row of rows) {
        if (!entityRefs.has(row.entity_ref)) {
          unseen.push(row.entity_ref);
        }
      }
      if (rows.length < SCAN_PAGE_SIZE) {
        return unseen;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  async deleteResults(
    entityRefs: string[],
    options: { evaluatedBefore: string },
  ): Promise<number> {
    let deleted = 0;
    for (const part of chunk(entityRefs, REFS_PER_LIST)) {
      deleted += await writeTransaction(this.#db, async tx => {
        const removable: string[] = (
          await tx(TABLES.results)
            .whereIn('entity_ref', part)
            .where('evaluated_at', '<', options.evaluatedBefore)
            .select('entity_ref')
        ).map((row: { entity_ref: string }) => row.entity_ref);
        if (removable.length === 0) {
          return 0;
        }
        await tx(TABLES.checkSummaries)
          .whereIn('entity_ref', removable)
          .delete();
        return tx(TABLES.results).whereIn('entity_ref', removable).delete();
      });
    }
    return deleted;
  }

  async startRun(startedAt: string): Promise<number> {
    const [row] = await this.#db(TABLES.runs)
      .insert({ started_at: startedAt, evaluated: 0, written: 0, deleted: 0 })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  async finishRun(
    id: number,
    summary: Pick<EvaluationRun, 'evaluated' | 'written' | 'deleted'> & {
      finishedAt: string;
    },
  ): Promise<void> {
    await this.#db(TABLES.runs).where('id', id).update({
      finished_at: summary.finishedAt,
      evaluated: summary.evaluated,
      written: summary.written,
      deleted: summary.deleted,
      abandoned: false,
    });
  }

  async abandonUnfinishedRuns(at: string): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.#db(TABLES.runs)
      .whereNull('finished_at')
      .update({ finished_at: at, abandoned: true })
      .returning('id');
    return rows.map(row => Number(row.id)).sort((a, b) => a - b);
  }

  async getLastFinishedRun(): Promise<EvaluationRun | undefined> {
    const row: RunRow | undefined = await this.#db(TABLES.runs)
      .whereNotNull('finished_at')
      .where('abandoned', false)
      .orderBy('id', 'desc')
      .first();
    return row ? toRun(row) : undefined;
  }

  async #readHashes(refs: string[]): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    // On PostgreSQL one array parameter: a list of hundreds of values is planned anew on
    // every page, and as a sequential scan while the table is new and not yet analysed.
    const parts = this.#isPostgres ? [refs] : chunk(refs, REFS_PER_LIST);
    for (const part of parts) {
      const query = this.#db(TABLES.results).select(
        'entity_ref',
        'result_hash',
      );
      const rows: Array<{ entity_ref: string; result_hash: string }> =
        await (this.#isPostgres
          ? query.whereRaw('entity_ref = any(?)', [part])
          : query.whereIn('entity_ref', part));
      for (const row of rows) {
        hashes.set(row.entity_ref, row.result_hash);
      }
    }
    return hashes;
  }
}
