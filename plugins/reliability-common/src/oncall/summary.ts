import type { OnCallInterval, OnCallShift } from './types';

/** Stretches of [from, to) that no interval covers, in time order (epoch milliseconds in, ISO out). */
export function gapsOf(
  covered: ReadonlyArray<{ start: number; end: number }>,
  from: number,
  to: number,
): OnCallInterval[] {
  const sorted = [...covered]
    .filter(interval => interval.end > from && interval.start < to)
    .sort((a, b) => a.start - b.start);
  const gaps: OnCallInterval[] = [];
  let cursor = from;
  for (const interval of sorted) {
    if (interval.start > cursor) {
      gaps.push(isoInterval(cursor, Math.min(interval.start, to)));
    }
    cursor = Math.max(cursor, interval.end);
    if (cursor >= to) {
      break;
    }
  }
  if (cursor < to) {
    gaps.push(isoInterval(cursor, to));
  }
  return gaps;
}

function isoInterval(start: number, end: number): OnCallInterval {
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
  };
}

/** Distinct people among shifts: by catalog ref, else by name. */
export function countPeople(shifts: ReadonlyArray<OnCallShift>): number {
  return new Set(shifts.map(shift => shift.ref ?? `name:${shift.name}`)).size;
}

/** The earliest of ISO instants, or null. */
export function earliest(
  instants: ReadonlyArray<string | null>,
): string | null {
  const known = instants.filter((instant): instant is string => !!instant);
  if (known.length === 0) {
    return null;
  }
  return known.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}
