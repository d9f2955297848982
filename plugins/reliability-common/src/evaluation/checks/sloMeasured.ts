import type { CheckContext, CheckOutcome } from '../types';
import { countOf } from '../format';
import { describeStatus, liveStatusesOf } from './liveStatus';

/**
 * Every SLO has a live status other than no-data / not-measured; unknown while one is not
 * measured yet or its Prometheus instance is unavailable.
 */
export function evaluateSloMeasured({ input }: CheckContext): CheckOutcome {
  const measured = liveStatusesOf(input);
  if (!Array.isArray(measured)) {
    return measured;
  }
  if (measured.length === 0) {
    return {
      state: 'not-applicable',
      message: 'No valid SLO to measure',
      howToFix: 'Define an SLO first (check "slo-defined").',
    };
  }
  const unmeasured = measured.filter(
    ({ status }) =>
      status?.state === 'no-data' || status?.state === 'not-measured',
  );
  if (unmeasured.length > 0) {
    return {
      state: 'fail',
      message: `${unmeasured.length} of ${countOf(
        measured.length,
        'SLO',
      )} without live data: ${unmeasured.map(describeStatus).join('; ')}`,
    };
  }
  const pending = measured.filter(
    ({ status }) => !status || status.state === 'unavailable',
  );
  if (pending.length > 0) {
    return {
      state: 'unknown',
      message: `Could not measure ${pending.map(describeStatus).join('; ')}`,
      howToFix:
        'Check that the Prometheus instance is reachable from Backstage; statuses are measured again on the next run or on refresh.',
    };
  }
  return {
    state: 'pass',
    message:
      measured.length === 1
        ? `The SLO ${measured[0].slo.name} is measured`
        : `All ${measured.length} SLOs are measured`,
  };
}
