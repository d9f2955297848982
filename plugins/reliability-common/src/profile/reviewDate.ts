import type { Problem } from '../types';
import { ANNOTATION_RUNBOOKS_REVIEWED } from '../annotations';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for `YYYY-MM-DD` naming a real calendar day (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * `now`'s UTC day as `YYYY-MM-DD`, as `toISOString().slice(0, 10)` gives it, without
 * formatting the whole timestamp (a full run reads this for every entity).
 */
function dayOf(now: Date): string {
  const year = now.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) {
    return now.toISOString().slice(0, 10);
  }
  return `${year}-${twoDigits(now.getUTCMonth() + 1)}-${twoDigits(
    now.getUTCDate(),
  )}`;
}

/**
 * Reads `reliability/runbooks-reviewed`. An invalid date is null with an error; a date
 * after `now` (UTC) is kept, with a warning, as it is probably a typo.
 */
export function readRunbooksReviewed(
  raw: string | undefined,
  now: Date,
  problems: Problem[],
): string | null {
  if (raw === undefined) {
    return null;
  }
  const value = String(raw);
  const today = dayOf(now);
  // Built only for a problem: most entities have a valid date, and this runs for each.
  const howToFix = () =>
    `Set ${ANNOTATION_RUNBOOKS_REVIEWED} to the day of the last review as "YYYY-MM-DD", e.g. "${today}".`;
  if (!isCalendarDate(value)) {
    problems.push({
      severity: 'error',
      field: ANNOTATION_RUNBOOKS_REVIEWED,
      message: `${ANNOTATION_RUNBOOKS_REVIEWED} is "${value}", which is not a date of the form YYYY-MM-DD`,
      howToFix: howToFix(),
    });
    return null;
  }
  if (value > today) {
    problems.push({
      severity: 'warning',
      field: ANNOTATION_RUNBOOKS_REVIEWED,
      message: `${ANNOTATION_RUNBOOKS_REVIEWED} is ${value}, a date in the future (today is ${today})`,
      howToFix: howToFix(),
    });
  }
  return value;
}
