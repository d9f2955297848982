/** The label that tells the answers of a batched query apart. */
export const BATCH_LABEL = '__reliability_query';

/**
 * Many single-number queries as one: each is labelled with its index and the results are
 * joined with `or`, so one HTTP request and one evaluation serve a whole batch. Each query
 * must give at most one series (they are all aggregated with sum/avg).
 */
export function batchQuery(exprs: readonly string[]): string {
  return exprs
    .map(
      (expr, index) =>
        `label_replace(${expr}, "${BATCH_LABEL}", "${index}", "", "")`,
    )
    .join(' or ');
}
