import type {
  CheckResult,
  CheckState,
  ReadinessResult,
  Verdict,
} from '../types';

/** States that count as passing for the score: `warn` passes with a caveat, `waived` is accepted. */
export const PASSING_STATES: readonly CheckState[] = ['pass', 'warn', 'waived'];

/**
 * Score and verdict over the required checks. `not-applicable` is not counted; with no counted
 * check the score is 100. Any required `fail` or `unknown` makes the entity not ready; otherwise
 * any required `waived` makes it ready with waivers.
 */
export function computeReadiness(checks: CheckResult[]): ReadinessResult {
  const required = checks.filter(check => check.required);
  const counted = required.filter(check => check.state !== 'not-applicable');
  const passing = counted.filter(check => PASSING_STATES.includes(check.state));
  const score =
    counted.length === 0
      ? 100
      : Math.round((100 * passing.length) / counted.length);

  let verdict: Verdict = 'ready';
  if (
    required.some(check => check.state === 'fail' || check.state === 'unknown')
  ) {
    verdict = 'not-ready';
  } else if (required.some(check => check.state === 'waived')) {
    verdict = 'ready-with-waivers';
  }
  return { score, verdict, checks };
}
