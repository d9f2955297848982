import type { Knex } from 'knex';
import { TABLES } from '../services/types';
import type { PreparedResult, ResultRow } from '../lib/resultRow';

/** The part of a better-sqlite3 statement and connection the writer uses. */
interface Statement {
  run(...bindings: unknown[]): unknown;
  get(...bindings: unknown[]): any;
  pluck(): Statement;
}
interface Connection {
  prepare(sql: string): Statement;
  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
}

const RESULT_COLUMNS: Array<keyof ResultRow> = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner_ref',
  'system_ref',
  'in_scope',
  'tier',
  'score',
  'verdict',
  'maturity_level',
  'expected_level',
  'gate_decision',
  'has_slo',
  'has_slo_alerting',
  'has_oncall',
  'has_runbook',
  'has_dashboard',
  'has_waiver',
  'result_hash',
  'report',
  'evaluated_at',
];

/** A stored row's identity: it changes whenever the row is rewritten. */
export interface StoredVersion {
  result_hash: string;
  evaluated_at: string;
}

export type StoredRow = StoredVersion & { entity_ref: string; report: string };

interface Statements {
  readVersion: Statement;
  readRow: Statement;
  transaction(results: PreparedResult[]): number;
}

function prepareStatements(connection: Connection): Statements {
  const upsertResult = connection.prepare(
    `insert into "${TABLES.results}" (${RESULT_COLUMNS.map(c => `"${c}"`).join(
      ',',
    )}) values (${RESULT_COLUMNS.map(() => '?').join(',')})
     on conflict ("entity_ref") do update set ${RESULT_COLUMNS.filter(
       c => c !== 'entity_ref',
     )
       .map(c => `"${c}" = excluded."${c}"`)
       .join(', ')}`,
  );
  const readHash = connection
    .prepare(
      `select "result_hash" from "${TABLES.results}" where "entity_ref" = ?`,
    )
    .pluck();
  const deleteStates = connection.prepare(
    `delete from "${TABLES.checkStates}" where "entity_ref" = ?`,
  );
  const insertState = connection.prepare(
    `insert into "${TABLES.checkStates}" ("entity_ref", "check_id", "state", "required") values (?, ?, ?, ?)`,
  );
  const readVersion = connection.prepare(
    `select "result_hash", "evaluated_at" from "${TABLES.results}" where "entity_ref" = ?`,
  );
  const readRow = connection.prepare(
    `select "entity_ref", "result_hash", "evaluated_at", "report" from "${TABLES.results}" where "entity_ref" = ?`,
  );
  const values = new Array<unknown>(RESULT_COLUMNS.length);
  const transaction = connection.transaction((results: PreparedResult[]) => {
    // Last one wins when a batch holds the same entity twice.
    const latest = new Map<string, PreparedResult>();
    for (const result of results) {
      latest.set(result.row.entity_ref, result);
    }
    // In key order, each B-tree page is touched once per batch rather than at random:
    // catalog pages come in no particular order, and this halves the cost of the writes.
    const ordered = [...latest.values()].sort((a, b) =>
      a.row.entity_ref < b.row.entity_ref ? -1 : 1,
    );
    let written = 0;
    for (const { row, checkStates } of ordered) {
      const storedHash = readHash.get(row.entity_ref);
      if (storedHash === row.result_hash) {
        continue;
      }
      for (let i = 0; i < RESULT_COLUMNS.length; i++) {
        const value = row[RESULT_COLUMNS[i]];
        values[i] = typeof value === 'boolean' ? Number(value) : value;
      }
      upsertResult.run(...values);
      // A result that was not stored has no check states to replace.
      if (storedHash !== undefined) {
        deleteStates.run(row.entity_ref);
      }
      for (const state of checkStates) {
        insertState.run(
          state.entity_ref,
          state.check_id,
          state.state,
          state.required ? 1 : 0,
        );
      }
      written++;
    }
    return written;
  });
  return { readVersion, readRow, transaction };
}

/**
 * SQLite through better-sqlite3, with statements prepared once per connection:
 * - writes: one transaction per batch that reads each stored hash and writes only changed
 *   rows, a statement run per row. better-sqlite3 is synchronous and in-process, so this
 *   avoids knex building, parsing and binding large multi-row statements (several times
 *   the cost of the row writes themselves);
 * - reads of one result: knex would build the SQL and prepare a statement on every call,
 *   several times the cost of the lookup itself.
 */
export class SqliteResults {
  readonly #statements = new WeakMap<object, Statements>();

  /** The fast path when the client is better-sqlite3 (Backstage's SQLite client); else none. */
  static forClient(db: Knex): SqliteResults | undefined {
    return db.client.config?.client === 'better-sqlite3'
      ? new SqliteResults(db)
      : undefined;
  }

  private constructor(private readonly db: Knex) {}

  async write(results: PreparedResult[]): Promise<{ written: number }> {
    return this.#withStatements(statements => ({
      written: statements.transaction(results),
    }));
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
