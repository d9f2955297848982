import type { CheckContext, CheckOutcome } from '../types';
import { liveOrOutcome, targetLabel } from './oncallLive';

/** The referenced service, team, schedule or rotation exists at its provider and is enabled. */
export function evaluateOncallVerified(context: CheckContext): CheckOutcome {
  const found = liveOrOutcome(context);
  if ('outcome' in found) {
    return found.outcome;
  }
  const { live } = found;
  const label = targetLabel(context, live);
  if (!live.target?.exists) {
    return {
      state: 'fail',
      message: `${label} does not exist at the provider (deleted or mistyped)`,
    };
  }
  if (!live.target.enabled) {
    return {
      state: 'fail',
      message: `${label} exists but is disabled, so nobody is paged`,
    };
  }
  return { state: 'pass', message: `${label} exists and is enabled` };
}
