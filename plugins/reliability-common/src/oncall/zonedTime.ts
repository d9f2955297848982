/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl`. A "naive" time is a
 * local wall-clock reading written as milliseconds on a UTC scale (so `Date.UTC(y, m, d, h)`
 * is 09:00 local when h is 9); it is turned into an instant with the zone's offset.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instantMs` in `timeZone`, as naive milliseconds. */
export function toNaive(timeZone: string, instantMs: number): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(instantMs));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find(part => part.type === type)?.value);
  const naive = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  // Intl drops milliseconds; zones' offsets are whole seconds.
  return naive + (((instantMs % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at `instantMs`, in milliseconds (Berlin in winter: 3600000). */
export function offsetAt(timeZone: string, instantMs: number): number {
  return toNaive(timeZone, instantMs) - instantMs;
}

/**
 * The instant at which the wall clock of `timeZone` reads `naiveMs`. Like Temporal's
 * `compatible` disambiguation: a reading that happens twice (clocks going back) is the
 * earlier instant, and a reading skipped by clocks going forward is moved forward by the
 * length of the jump (02:30 on a spring-forward night in Berlin is 03:30 summer time).
 */
export function fromNaive(timeZone: string, naiveMs: number): number {
  const before = offsetAt(timeZone, naiveMs - DAY_MS);
  const after = offsetAt(timeZone, naiveMs + DAY_MS);
  const candidates = [naiveMs - before, naiveMs - after]
    .filter(instant => toNaive(timeZone, instant) === naiveMs)
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    return candidates[0];
  }
  // In the gap: read with the offset in force before the jump, which lands after it.
  return naiveMs - before;
}

/** Parses `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss` (no zone) into naive milliseconds. */
export function parseNaive(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(
    text,
  );
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map(part => Number(part ?? 0));
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  // Rejects 2026-02-30 and 24:00, which Date.UTC would roll over.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  ) {
    return undefined;
  }
  return naive;
}

export { MINUTE_MS, DAY_MS };
