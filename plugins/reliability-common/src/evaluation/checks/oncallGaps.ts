import type { CheckContext, CheckOutcome } from '../types';
import { liveOrOutcome } from './oncallLive';

/** Nobody-on-call time in the next 14 days (on the first level, the one paged). */
export function evaluateOncallGaps(context: CheckContext): CheckOutcome {
  const found = liveOrOutcome(context);
  if ('outcome' in found) {
    return found.outcome;
  }
  const gaps = found.live.gapsNext14Days;
  if (gaps.length === 0) {
    return {
      state: 'pass',
      message: 'Someone is on call at every moment of the next 14 days',
    };
  }
  const hours =
    gaps.reduce(
      (total, gap) => total + Date.parse(gap.end) - Date.parse(gap.start),
      0,
    ) / 3_600_000;
  return {
    state: 'fail',
    message: `${gaps.length} uncovered stretch${
      gaps.length === 1 ? '' : 'es'
    } in the next 14 days (${Math.round(hours * 10) / 10} h), the first from ${
      gaps[0].start
    } to ${gaps[0].end}`,
  };
}
