export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A UTC timestamp whose first ten characters are its day: what `toISOString` writes and
 * the store keeps. Hours stop at 23 because `T24:00` is the next day.
 */
const UTC_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?Z$/;

/** `YYYY-MM-DD` of an ISO timestamp (UTC), or the input itself when it is no date. */
export function formatDay(timestamp: string): string {
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) {
    return timestamp;
  }
  // Most timestamps are already UTC: their day is their prefix, without formatting a
  // Date (several per entity in a full run, and toISOString is the slow part).
  return UTC_TIMESTAMP.test(timestamp)
    ? timestamp.slice(0, 10)
    : new Date(time).toISOString().slice(0, 10);
}

/** `1 SLO`, `3 SLOs`. */
export function countOf(count: number, noun: string, plural = `${noun}s`) {
  return `${count} ${count === 1 ? noun : plural}`;
}
