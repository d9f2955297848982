import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { PreparedResult, ResultRow } from '../lib/resultRow';

/** One result as the SQLite writer takes it: column values and its check summary. */
export type WriteRecord = [values: unknown[], summary: unknown[] | null];
export type WriteBatch = WriteRecord[];

/** workers/sqliteResultWriter.js, shipped with the package: usable here and in a worker. */
export const resultWriterScript = resolvePackagePath(
  '@reliability-suite/plugin-reliability-backend',
  'workers/sqliteResultWriter.js',
);

const writerModule: {
  createResultWriter(connection: unknown): (batch: WriteBatch) => number;
  RESULT_COLUMNS: Array<keyof ResultRow>;
} = require(resultWriterScript);

export const { createResultWriter } = writerModule;
const RESULT_COLUMNS = writerModule.RESULT_COLUMNS;

/**
 * The writer's form of prepared results: plain arrays (SQLite has no booleans), which a
 * worker thread receives by structured clone without any object shapes to rebuild.
 */
export function toWriteBatch(results: PreparedResult[]): WriteBatch {
  return results.map(({ row, checkSummary }) => {
    const values = new Array<unknown>(RESULT_COLUMNS.length);
    for (let i = 0; i < RESULT_COLUMNS.length; i++) {
      const value = row[RESULT_COLUMNS[i]];
      values[i] = typeof value === 'boolean' ? Number(value) : value;
    }
    return [
      values,
      checkSummary && [
        checkSummary.entity_ref,
        checkSummary.failing,
        checkSummary.waived,
      ],
    ];
  });
}
