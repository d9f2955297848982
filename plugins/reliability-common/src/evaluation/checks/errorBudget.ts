import type { SloState } from '../../types';
import type { CheckContext, CheckOutcome } from '../types';
import { describeStatus, liveStatusesOf } from './liveStatus';

const MEASURED_STATES: readonly SloState[] = [
  'exhausted',
  'critical',
  'warning',
  'ok',
];

/**
 * The error-budget policy: fail when an SLO's budget is exhausted, warn while one burns fast
 * enough to alert (critical or warning), else pass; not-applicable without measured SLOs.
 * The message names each SLO and since when it is in its state, for the gate's reasons.
 */
export function evaluateErrorBudget({ input }: CheckContext): CheckOutcome {
  const statuses = liveStatusesOf(input);
  if (!Array.isArray(statuses)) {
    return statuses;
  }
  const measured = statuses.filter(
    ({ status }) => status && MEASURED_STATES.includes(status.state),
  );
  if (measured.length === 0) {
    return {
      state: 'not-applicable',
      message: 'No SLO has live data, so there is no error budget to check',
      howToFix:
        'Connect the SLOs to Prometheus (check "slo-measured") so their budgets can be measured.',
    };
  }
  const inState = (...states: SloState[]) =>
    measured.filter(({ status }) => states.includes(status!.state));
  const exhausted = inState('exhausted');
  if (exhausted.length > 0) {
    return {
      state: 'fail',
      message: `Error budget exhausted: ${exhausted
        .map(describeStatus)
        .join('; ')}`,
    };
  }
  const burning = inState('critical', 'warning');
  if (burning.length > 0) {
    return {
      state: 'warn',
      message: `Error budget burning fast: ${burning
        .map(describeStatus)
        .join('; ')}`,
      howToFix:
        'Find what spends the budget (the firing burn-rate alerts say over which windows) and fix it before the budget is exhausted.',
    };
  }
  return {
    state: 'pass',
    message:
      measured.length === 1
        ? `The SLO ${measured[0].slo.name} is within its error budget`
        : `All ${measured.length} measured SLOs are within their error budgets`,
  };
}
