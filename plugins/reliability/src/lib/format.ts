import { DateTime } from 'luxon';
import type { NormalizedSlo } from '@reliability-suite/plugin-reliability-common';

/** Drops float noise (0.999 * 100 = 99.9000000001) and trailing zeros. */
function trimNumber(value: number, maxDecimals: number): string {
  return String(Number(value.toFixed(maxDecimals)));
}

/** A ratio as a percentage: 0.999 → "99.9%", 0.9995 → "99.95%". */
export function formatTarget(ratio: number): string {
  return `${trimNumber(ratio * 100, 4)}%`;
}

/** Minutes in the unit people budget with: "43.2 min", "7.2 h", "3 d". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) {
    return `${trimNumber(minutes, 2)} min`;
  }
  if (minutes < 48 * 60) {
    return `${trimNumber(minutes / 60, 2)} h`;
  }
  return `${trimNumber(minutes / (24 * 60), 2)} d`;
}

/**
 * The error budget as allowed bad time over the window ("43.2 min / 30d"), or as a share of
 * events when the window cannot be expressed in minutes ("0.1% / 1M").
 */
export function formatErrorBudget(
  slo: Pick<NormalizedSlo, 'allowedBadMinutes' | 'errorBudget' | 'window'>,
): string {
  const amount =
    slo.allowedBadMinutes === null
      ? formatTarget(slo.errorBudget)
      : formatMinutes(slo.allowedBadMinutes);
  return `${amount} / ${slo.window}`;
}

/** Whole days from an ISO date (YYYY-MM-DD) until now; null when the date is not valid. */
export function daysSince(
  isoDate: string,
  now: DateTime = DateTime.now(),
): number | null {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) {
    return null;
  }
  return Math.floor(now.toUTC().diff(date.startOf('day'), 'days').days);
}

/** "today", "1 day ago", "266 days ago". */
export function formatAge(days: number): string {
  if (days <= 0) {
    return 'today';
  }
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** A timestamp for people: "22 Nov 2026". */
export function formatDate(iso: string): string {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  return date.isValid ? date.toFormat('d LLL yyyy') : iso;
}

/**
 * A moment for people, in their own time zone: "7 Dec 2026, 14:05". Evaluations and history
 * happen several times a day, so the date alone does not say whether a refresh took effect.
 */
export function formatDateTime(iso: string, zone: string = 'local'): string {
  const date = DateTime.fromISO(iso, { zone });
  return date.isValid ? date.toFormat('d LLL yyyy, HH:mm') : iso;
}

/**
 * A handoff or shift boundary in UTC, "14 Dec 2026, 08:00 UTC": people of one rotation sit in
 * several time zones, and a rotation is discussed in one.
 */
export function formatUtcDateTime(iso: string): string {
  const text = formatDateTime(iso, 'utc');
  return text === iso ? iso : `${text} UTC`;
}
