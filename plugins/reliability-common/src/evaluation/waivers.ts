import type { CheckResult, CheckState, Waiver } from '../types';
import { formatDay } from './format';

/** What the waived check would be without its waiver, in words. */
const UNDERLYING_WORDS: Record<CheckState, string> = {
  pass: 'passes',
  warn: 'passes with a caveat',
  fail: 'fails',
  unknown: 'could not be evaluated',
  'not-applicable': 'does not apply',
  waived: 'is waived',
};

/** Only a check that is not met can be waived; a passing one never hides behind a waiver. */
const WAIVABLE_STATES: readonly CheckState[] = ['fail', 'unknown'];

/** The approved waiver of a check that is still valid at `now`, the longest-running one first. */
export function findActiveWaiver(
  checkId: string,
  waivers: Waiver[],
  now: Date,
): Waiver | undefined {
  return waivers
    .filter(
      waiver =>
        waiver.checkId === checkId &&
        waiver.status === 'approved' &&
        Date.parse(waiver.expiresAt) > now.getTime(),
    )
    .sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0];
}

/**
 * Applies an approved, unexpired waiver to a failing or unknown check: the state becomes
 * `waived`, the state underneath is kept in `underlyingState`, and the message says both.
 */
export function applyWaiver(
  result: CheckResult,
  waivers: Waiver[],
  now: Date,
): CheckResult {
  if (!WAIVABLE_STATES.includes(result.state)) {
    return result;
  }
  const waiver = findActiveWaiver(result.id, waivers, now);
  if (!waiver) {
    return result;
  }
  const approvedBy = waiver.decidedBy
    ? ` (approved by ${waiver.decidedBy})`
    : '';
  return {
    ...result,
    state: 'waived',
    underlyingState: result.state,
    message: `Waived until ${formatDay(waiver.expiresAt)}${approvedBy}: ${
      waiver.justification
    }. Without the waiver it ${UNDERLYING_WORDS[result.state]}: ${
      result.message
    }`,
    waiver: {
      id: waiver.id,
      justification: waiver.justification,
      requestedBy: waiver.requestedBy,
      decidedBy: waiver.decidedBy ?? null,
      expiresAt: waiver.expiresAt,
    },
  };
}
