import type { CheckContext, CheckOutcome } from '../types';
import { liveOrOutcome } from './oncallLive';

/** At least two escalation levels and two distinct people on call in the next 14 days. */
export function evaluateOncallDepth(context: CheckContext): CheckOutcome {
  const found = liveOrOutcome(context);
  if ('outcome' in found) {
    return found.outcome;
  }
  const { live } = found;
  const levels = live.levels.length;
  const people = live.peopleNext14Days;
  const summary = `${levels} escalation level${
    levels === 1 ? '' : 's'
  } and ${people} ${
    people === 1 ? 'person' : 'people'
  } on call in the next 14 days`;
  if (levels >= 2 && people >= 2) {
    return { state: 'pass', message: summary };
  }
  return {
    state: 'fail',
    message: `${summary}; at least 2 of each are needed, so nobody backs up an unanswered page`,
  };
}
