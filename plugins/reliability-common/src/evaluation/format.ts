export const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of an ISO timestamp (UTC), or the input itself when it is no date. */
export function formatDay(timestamp: string): string {
  const time = Date.parse(timestamp);
  return Number.isNaN(time)
    ? timestamp
    : new Date(time).toISOString().slice(0, 10);
}

/** `1 SLO`, `3 SLOs`. */
export function countOf(count: number, noun: string, plural = `${noun}s`) {
  return `${count} ${count === 1 ? noun : plural}`;
}
