import { LINK_TYPE_DASHBOARD } from '../../annotations';
import type { CheckContext, CheckOutcome } from '../types';
import { linkOutcome } from './linkOutcome';

/** At least one `dashboard` link. */
export function evaluateDashboard({ input }: CheckContext): CheckOutcome {
  return linkOutcome(input.profile.dashboards, LINK_TYPE_DASHBOARD);
}
