import { MAX_REVIEW_COMMENT_LENGTH } from '@reliability-suite/plugin-reliability-common';
import { DateTime } from 'luxon';

/**
 * Client-side checks of the review forms, mirroring the backend's rules so people see the
 * problem before sending; the backend still decides. Each returns an error message or
 * undefined when the value is fine.
 */

export function validateEvidenceUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) {
    return 'Link the evidence: a runbook page, test report or ticket';
  }
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return 'The evidence must be an http(s) link';
    }
  } catch {
    return 'The evidence must be an http(s) link';
  }
  return undefined;
}

export function validateComment(
  value: string,
  options: { required: boolean; what?: string },
): string | undefined {
  const trimmed = value.trim();
  const what = options.what ?? 'A comment';
  if (options.required && !trimmed) {
    return `${what} is required`;
  }
  if (trimmed.length > MAX_REVIEW_COMMENT_LENGTH) {
    return `${what} may be at most ${MAX_REVIEW_COMMENT_LENGTH} characters (now ${trimmed.length})`;
  }
  return undefined;
}

/** The date range a waiver may end in: tomorrow up to `maxDays` from today (UTC dates). */
export function waiverExpiryRange(
  maxDays: number,
  now: DateTime = DateTime.utc(),
): { min: string; max: string } {
  const today = now.toUTC().startOf('day');
  return {
    min: today.plus({ days: 1 }).toISODate()!,
    max: today.plus({ days: maxDays - 1 }).toISODate()!,
  };
}

/** A waiver ends at the end of the chosen day (UTC); the backend counts `maxDays` from now. */
export function validateWaiverExpiry(
  value: string,
  maxDays: number,
  now: DateTime = DateTime.utc(),
): string | undefined {
  if (!value) {
    return 'Choose when the waiver expires';
  }
  const date = DateTime.fromISO(value, { zone: 'utc' });
  if (!date.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return 'Enter a date as YYYY-MM-DD';
  }
  const { min, max } = waiverExpiryRange(maxDays, now);
  if (value < min) {
    return 'The expiry must be in the future';
  }
  if (value > max) {
    return `A waiver may last at most ${maxDays} days (until ${max})`;
  }
  return undefined;
}

/** The backend's explanation of a refused request, else the error's own message. */
export function refusalMessage(error: unknown): string {
  const body = (error as { body?: { error?: { message?: unknown } } })?.body;
  const message = body?.error?.message;
  if (typeof message === 'string' && message) {
    return message;
  }
  return error instanceof Error ? error.message : String(error);
}
