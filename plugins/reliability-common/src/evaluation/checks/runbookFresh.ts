import { ANNOTATION_RUNBOOKS_REVIEWED } from '../../annotations';
import { DAY_MS } from '../format';
import type { CheckContext, CheckOutcome } from '../types';

/**
 * Whole days between a review date (midnight UTC) and now. A date one day ahead counts as today:
 * a team east of UTC writes its local date, which may still be tomorrow in UTC.
 */
function ageInDays(reviewed: string, now: Date): number | null {
  const time = Date.parse(`${reviewed}T00:00:00Z`);
  if (Number.isNaN(time)) {
    return null;
  }
  return Math.floor((now.getTime() - time) / DAY_MS);
}

/**
 * `reliability/runbooks-reviewed` is recent: age in whole days up to `warnAfterDays - 1` passes,
 * `warnAfterDays`..`failAfterDays` warns (still passing), beyond `failAfterDays` fails.
 */
export function evaluateRunbookFresh({
  input,
  policy,
}: CheckContext): CheckOutcome {
  const { warnAfterDays, failAfterDays } = policy.runbookFreshness;
  const reviewed = input.profile.runbooksReviewed;
  const raw = input.entity.metadata.annotations?.[ANNOTATION_RUNBOOKS_REVIEWED];
  const age = reviewed === null ? null : ageInDays(reviewed, input.now);
  if (reviewed === null || age === null) {
    return {
      state: 'fail',
      message:
        raw === undefined
          ? `No ${ANNOTATION_RUNBOOKS_REVIEWED} annotation`
          : `${ANNOTATION_RUNBOOKS_REVIEWED} is "${raw}", which is not a date YYYY-MM-DD`,
    };
  }
  if (age < -1) {
    return {
      state: 'warn',
      message: `Runbooks reviewed on ${reviewed}, a date in the future`,
      howToFix: `Set ${ANNOTATION_RUNBOOKS_REVIEWED} to the date the runbooks were actually reviewed.`,
    };
  }
  const days = Math.max(age, 0);
  if (days < warnAfterDays) {
    return {
      state: 'pass',
      message: `Runbooks reviewed on ${reviewed} (${days} days ago)`,
    };
  }
  if (days <= failAfterDays) {
    return {
      state: 'warn',
      message: `Runbooks reviewed on ${reviewed}, ${days} days ago: review due within ${
        failAfterDays - days
      } days`,
    };
  }
  return {
    state: 'fail',
    message: `Runbooks last reviewed on ${reviewed}, ${days} days ago (more than ${failAfterDays})`,
  };
}
