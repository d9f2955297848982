import type { Knex } from 'knex';
import { isSqliteClient } from './migrations';
import { TABLES } from '../services/types';

/**
 * A knex transaction that writes. On SQLite it takes the database's write lock before
 * anything else, as `BEGIN IMMEDIATE` would (knex only issues a plain `BEGIN`): a transaction
 * that read first and then found another connection to the file writing fails at once with
 * "database is locked"; SQLite waits out its busy timeout only for a transaction that has
 * not read yet.
 */
export function writeTransaction<T>(
  db: Knex,
  fn: (tx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  if (!isSqliteClient(db)) {
    return db.transaction(fn);
  }
  return db.transaction(async tx => {
    // A write that changes no row still starts the write transaction.
    await tx(TABLES.runs).whereRaw('0').delete();
    return fn(tx);
  });
}
