import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { TABLES } from '../services/types';
import { prepareResult, PreparedResult } from '../lib/resultRow';
import { getMigratedClient } from './migrations';
import type {
  EntityResult,
  EvaluationRun,
  ResultStore,
  StoredResult,
} from './ResultStore';

/** Columns of a results row; used to size multi-row inserts under the bind-variable limit. */
const RESULT_COLUMNS = 25;
const CHECK_STATE_COLUMNS = 4;
/** Refs read per page when looking for results of deleted entities. */
const SCAN_PAGE_SIZE = 5000;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

function isSqlite(knex: Knex): boolean {
  const client = String(knex.client.config.client ?? '');
  return client.includes('sqlite');
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

/** Stores current results in `reliability_entity_results` and `reliability_check_states`. */
export class DatabaseResultStore implements ResultStore {
  /** Max bind variables per statement: SQLite builds may cap at 999, PostgreSQL at 65535. */
  readonly #maxVariables: number;

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseResultStore> {
    const client = await getMigratedClient(options.database, {
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseResultStore(client);
  }

  private constructor(private readonly db: Knex) {
    this.#maxVariables = isSqlite(db) ? 999 : 30000;
  }

  async writeResults(results: EntityResult[]): Promise<{ written: number }> {
    if (results.length === 0) {
      return { written: 0 };
    }
    // Last one wins when a batch holds the same entity twice.
    const byRef = new Map<string, EntityResult>();
    for (const result of results) {
      byRef.set(result.entity.entityRef, result);
    }
    const refs = [...byRef.keys()];
    const storedHashes = await this.#readHashes(this.db, refs);

    const changed: PreparedResult[] = [];
    for (const result of byRef.values()) {
      const prepared = prepareResult(result.entity, result.report);
      if (
        storedHashes.get(prepared.row.entity_ref) !== prepared.row.result_hash
      ) {
        changed.push(prepared);
      }
    }
    if (changed.length === 0) {
      return { written: 0 };
    }

    const rowsPerInsert = Math.floor(this.#maxVariables / RESULT_COLUMNS);
    const statesPerInsert = Math.floor(
      this.#maxVariables / CHECK_STATE_COLUMNS,
    );
    const refsPerStatement = this.#maxVariables;

    await this.db.transaction(async tx => {
      for (const part of chunk(changed, rowsPerInsert)) {
        await tx(TABLES.results)
          .insert(part.map(p => p.row))
          .onConflict('entity_ref')
          .merge();
      }
      for (const part of chunk(
        changed.map(p => p.row.entity_ref),
        refsPerStatement,
      )) {
        await tx(TABLES.checkStates).whereIn('entity_ref', part).delete();
      }
      const states = changed.flatMap(p => p.checkStates);
      for (const part of chunk(states, statesPerInsert)) {
        await tx(TABLES.checkStates).insert(part);
      }
    });
    return { written: changed.length };
  }

  async getResult(entityRef: string): Promise<StoredResult | undefined> {
    const row = await this.db(TABLES.results)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first(['entity_ref', 'report', 'evaluated_at', 'result_hash']);
    if (!row) {
      return undefined;
    }
    return {
      entityRef: row.entity_ref,
      report: JSON.parse(row.report),
      evaluatedAt: row.evaluated_at,
      resultHash: row.result_hash,
    };
  }

  async deleteResultsNotIn(
    seenEntityRefs: ReadonlySet<string>,
    options: { evaluatedBefore: string },
  ): Promise<number> {
    // Keyset paging over the primary key keeps memory and each query small, whatever the
    // table size; only the refs to delete are collected.
    const stale: string[] = [];
    let after = '';
    for (;;) {
      const rows: Array<{ entity_ref: string; evaluated_at: string }> =
        await this.db(TABLES.results)
          .where('entity_ref', '>', after)
          .orderBy('entity_ref', 'asc')
          .limit(SCAN_PAGE_SIZE)
          .select('entity_ref', 'evaluated_at');
      for (const row of rows) {
        if (
          !seenEntityRefs.has(row.entity_ref) &&
          row.evaluated_at < options.evaluatedBefore
        ) {
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
    await this.db.transaction(async tx => {
      for (const part of chunk(stale, this.#maxVariables - 1)) {
        await tx(TABLES.checkStates).whereIn('entity_ref', part).delete();
        deleted += await tx(TABLES.results)
          .whereIn('entity_ref', part)
          .where('evaluated_at', '<', options.evaluatedBefore)
          .delete();
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
