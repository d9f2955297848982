import { LINK_TYPE_RUNBOOK } from '../../annotations';
import type { CheckContext, CheckOutcome } from '../types';
import { linkOutcome } from './linkOutcome';

/** At least one `runbook` link. */
export function evaluateRunbook({ input }: CheckContext): CheckOutcome {
  return linkOutcome(input.profile.runbooks, LINK_TYPE_RUNBOOK);
}
