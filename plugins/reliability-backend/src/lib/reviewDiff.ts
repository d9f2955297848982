import type {
  CheckStateChange,
  ReliabilityReport,
  ReviewSnapshot,
  ReviewSnapshotCheck,
} from '@reliability-suite/plugin-reliability-common';

/** The check states of a report, as a review records them when it is decided. */
export function snapshotOfReport(report: ReliabilityReport): ReviewSnapshot {
  return {
    score: report.readiness?.score ?? null,
    verdict: report.readiness?.verdict ?? null,
    evaluatedAt: report.evaluatedAt,
    checks: (report.readiness?.checks ?? []).map(check => ({
      id: check.id,
      state: check.state,
      required: check.required,
    })),
  };
}

/**
 * What changed between two sets of check states: every check whose state or required flag
 * differs, plus checks that appeared or disappeared. Ordered as `after` (the current order),
 * then checks that no longer exist in `before`'s order.
 */
export function diffCheckStates(
  before: readonly ReviewSnapshotCheck[],
  after: readonly ReviewSnapshotCheck[],
): CheckStateChange[] {
  const beforeById = new Map(before.map(check => [check.id, check]));
  const afterIds = new Set(after.map(check => check.id));
  const changes: CheckStateChange[] = [];

  for (const current of after) {
    const previous = beforeById.get(current.id);
    if (
      previous &&
      previous.state === current.state &&
      previous.required === current.required
    ) {
      continue;
    }
    changes.push({
      checkId: current.id,
      before: previous?.state ?? null,
      after: current.state,
      requiredBefore: previous?.required ?? null,
      requiredAfter: current.required,
    });
  }
  for (const previous of before) {
    if (!afterIds.has(previous.id)) {
      changes.push({
        checkId: previous.id,
        before: previous.state,
        after: null,
        requiredBefore: previous.required,
        requiredAfter: null,
      });
    }
  }
  return changes;
}
