import type { CheckState } from '@reliability-suite/plugin-reliability-common';

/**
 * A row of `reliability_check_summaries`: the checks of one entity that need attention,
 * each as a JSON array of check ids. What the failing-check filter and the heatmap read;
 * every report still carries all of its checks.
 */
export interface CheckSummaryRow {
  entity_ref: string;
  /** Checks that fail or are unknown. */
  failing: string;
  /** Checks whose failure is waived. */
  waived: string;
}

/**
 * The summary of an entity's checks, or null when none needs attention (no row is
 * stored then: an entity without failing or waived checks is in no cell of the heatmap
 * and matches no failing-check filter).
 */
export function summarizeChecks(
  entityRef: string,
  checks: ReadonlyArray<{ id: string; state: CheckState }>,
): CheckSummaryRow | null {
  const failing: string[] = [];
  const waived: string[] = [];
  for (const check of checks) {
    if (check.state === 'fail' || check.state === 'unknown') {
      failing.push(check.id);
    } else if (check.state === 'waived') {
      waived.push(check.id);
    }
  }
  if (failing.length === 0 && waived.length === 0) {
    return null;
  }
  return {
    entity_ref: entityRef,
    failing: JSON.stringify(failing),
    waived: JSON.stringify(waived),
  };
}

/**
 * The text a summary list contains exactly when it holds `checkId`: ids are JSON strings
 * in the list, so the quoted id cannot match inside another one.
 */
export function summaryListNeedle(checkId: string): string {
  return JSON.stringify(checkId);
}
