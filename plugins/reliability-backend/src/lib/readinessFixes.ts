import type {
  CheckResult,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';

/** One required check that keeps an entity from being ready, with what to do about it. */
export interface ReadinessFix {
  id: string;
  title: string;
  state: 'fail' | 'unknown';
  blocking: boolean;
  /** Fixing it (with the other blocking ones) lets an enforced gate stop blocking. */
  unblocksGate: boolean;
  message: string;
  howToFix: string;
  rationale: string | null;
}

function isFailing(
  check: CheckResult,
): check is CheckResult & { state: 'fail' | 'unknown' } {
  return (
    check.required && (check.state === 'fail' || check.state === 'unknown')
  );
}

/**
 * The required checks that are `fail` or `unknown`, in the order that unblocks the gate first:
 * blocking checks before the others, a `fail` (something to do) before an `unknown` (data to
 * make readable), then the policy's order.
 */
export function readinessFixes(report: ReliabilityReport): ReadinessFix[] {
  const checks = report.readiness?.checks ?? [];
  const enforced = report.gate?.enforced ?? false;
  return checks
    .map((check, index) => ({ check, index }))
    .filter(
      (
        entry,
      ): entry is {
        check: CheckResult & { state: 'fail' | 'unknown' };
        index: number;
      } => isFailing(entry.check),
    )
    .sort(
      (a, b) =>
        Number(b.check.blocking) - Number(a.check.blocking) ||
        Number(a.check.state === 'unknown') -
          Number(b.check.state === 'unknown') ||
        a.index - b.index,
    )
    .map(({ check }) => ({
      id: check.id,
      title: check.title,
      state: check.state,
      blocking: check.blocking,
      unblocksGate: check.blocking && enforced,
      message: check.message,
      howToFix: check.howToFix,
      rationale: check.rationale ?? null,
    }));
}
