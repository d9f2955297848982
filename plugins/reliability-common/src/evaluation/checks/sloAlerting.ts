import { countOf } from '../format';
import type { CheckContext, CheckOutcome } from '../types';
import { unreadableSloOutcome } from './unreadableSlo';

/** Every valid SLO (at least one) has burn-rate alerting defined. */
export function evaluateSloAlerting({ input }: CheckContext): CheckOutcome {
  const { slos } = input;
  if (slos.status === 'unreachable') {
    return unreadableSloOutcome(input);
  }
  if (slos.slos.length === 0) {
    return {
      state: 'fail',
      message: 'No valid SLO, so no burn-rate alerting',
      howToFix:
        'Define an SLO first (check "slo-defined"), then add burn-rate alerting to it.',
    };
  }
  const withoutAlerting = slos.slos.filter(slo => !slo.hasAlerting);
  if (withoutAlerting.length > 0) {
    return {
      state: 'fail',
      message: `No burn-rate alerting on ${withoutAlerting.length} of ${countOf(
        slos.slos.length,
        'SLO',
      )}: ${withoutAlerting.map(slo => slo.name).join(', ')}`,
    };
  }
  return {
    state: 'pass',
    message:
      slos.slos.length === 1
        ? `The SLO ${slos.slos[0].name} has burn-rate alerting`
        : `All ${slos.slos.length} SLOs have burn-rate alerting`,
  };
}
