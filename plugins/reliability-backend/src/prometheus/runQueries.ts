import {
  BATCH_LABEL,
  batchQuery,
  type Measured,
} from '@reliability-suite/plugin-reliability-common';
import { PrometheusError, type PrometheusClient } from './PrometheusClient';

/** What one query gave: its single number (null for no samples), or why it failed. */
export type QueryOutcome = Measured | PrometheusError;

function chunk<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/** Sums the samples of one answer: every planned query is aggregated, so usually one. */
function sumOf(values: number[]): Measured {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

async function runBatch(
  client: PrometheusClient,
  exprs: string[],
  time: Date,
): Promise<QueryOutcome[]> {
  if (exprs.length === 1) {
    try {
      const samples = await client.query(exprs[0], time);
      return [sumOf(samples.map(sample => sample.value))];
    } catch (error) {
      return [asPrometheusError(error)];
    }
  }
  try {
    const samples = await client.query(batchQuery(exprs), time);
    const values = exprs.map((): number[] => []);
    for (const sample of samples) {
      const index = Number(sample.metric[BATCH_LABEL]);
      values[index]?.push(sample.value);
    }
    return values.map(sumOf);
  } catch (error) {
    const failure = asPrometheusError(error);
    // One SLO's malformed query must not take a whole batch down: ask one by one to
    // pin the error on the queries that cause it.
    if (failure.kind === 'bad_data') {
      return (
        await Promise.all(exprs.map(expr => runBatch(client, [expr], time)))
      ).flat();
    }
    return exprs.map(() => failure);
  }
}

function asPrometheusError(error: unknown): PrometheusError {
  return error instanceof PrometheusError
    ? error
    : new PrometheusError(String(error), 'invalid');
}

/**
 * Runs instant queries at `time` against one instance, `batchSize` to a request (each
 * distinct expression once), and returns each query's outcome in input order.
 */
export async function runQueries(
  client: PrometheusClient,
  exprs: string[],
  time: Date,
  batchSize: number,
): Promise<QueryOutcome[]> {
  const distinct = [...new Set(exprs)];
  const batches = chunk(distinct, batchSize);
  const outcomes = (
    await Promise.all(batches.map(batch => runBatch(client, batch, time)))
  ).flat();
  const byExpr = new Map(
    distinct.map((expr, index) => [expr, outcomes[index]]),
  );
  return exprs.map(expr => byExpr.get(expr)!);
}
