import type { NormalizedSlo, SloStatus } from '../../types';
import type { CheckOutcome, EvaluationInput } from '../types';
import { formatDay } from '../format';
import { unreadableSloOutcome } from './unreadableSlo';

export const NO_PROMETHEUS: CheckOutcome = {
  state: 'not-applicable',
  message:
    'No Prometheus instance is configured (reliability.prometheus), so SLOs are not measured',
};

/** Each valid SLO with its latest status (null before the first measurement). */
export type MeasuredSlo = { slo: NormalizedSlo; status: SloStatus | null };

/**
 * The SLOs and statuses a live-status check reads, or the outcome it has without them
 * (no Prometheus configured, SLO file unreadable).
 */
export function liveStatusesOf(
  input: EvaluationInput,
): MeasuredSlo[] | CheckOutcome {
  if (!input.sloStatuses) {
    return NO_PROMETHEUS;
  }
  if (input.slos.status === 'unreachable') {
    return unreadableSloOutcome(input);
  }
  const statuses = input.sloStatuses;
  return input.slos.slos.map(slo => ({
    slo,
    status: statuses.get(slo.name) ?? null,
  }));
}

/** `"checkout" (budget -12%, exhausted since 2026-12-01)`. */
export function describeStatus({ slo, status }: MeasuredSlo): string {
  if (!status) {
    return `"${slo.name}" (not measured yet)`;
  }
  const budget =
    status.errorBudgetRemaining === null
      ? ''
      : `budget ${Math.round(status.errorBudgetRemaining * 1000) / 10}%, `;
  const since = status.since ?? status.measuredAt;
  const reason = status.reason ? `: ${status.reason}` : '';
  return `"${slo.name}" (${budget}${status.state} since ${formatSince(
    since,
  )}${reason})`;
}

/** `2026-12-07 10:05 UTC`: a day is too coarse for a budget that burns in hours. */
function formatSince(timestamp: string): string {
  const day = formatDay(timestamp);
  const time = /T(\d{2}:\d{2})/.exec(timestamp)?.[1];
  return time ? `${day} ${time} UTC` : day;
}
