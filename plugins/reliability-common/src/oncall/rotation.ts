import { fromNaive, toNaive } from './zonedTime';

/** A neutral rotation, validated (see parseRotationsConfig). */
export interface Rotation {
  name: string;
  timeZone: string;
  /** The first handoff, local wall-clock time as naive milliseconds (see zonedTime.ts). */
  startNaive: number;
  /** The shift length in wall-clock milliseconds. */
  shiftMs: number;
  /** Catalog user refs, in rotation order. */
  members: string[];
  /** Rotation names of escalation levels 2, 3, ... */
  escalation: string[];
}

/** One uninterrupted stretch of a member's shift, [start, end) in epoch milliseconds. */
export interface RotationSegment {
  member: string;
  start: number;
  end: number;
}

/**
 * The instant of handoff k (handoff 0 is `start`). Handoffs are counted in local wall-clock
 * time: handoff k happens when the zone's clock reads start + k shifts, so a weekly handoff
 * at Monday 09:00 stays at 09:00 across daylight-saving changes, and a 12h shift at 09:00 and
 * 21:00 does too (the shift spanning the change lasts 11 or 13 hours). A reading the clocks
 * skip moves forward by the jump; one they repeat is its first occurrence.
 */
export function handoffAt(rotation: Rotation, k: number): number {
  return fromNaive(
    rotation.timeZone,
    rotation.startNaive + k * rotation.shiftMs,
  );
}

/**
 * The number of handoffs at or before `at` minus one: the shift index in force at `at`, or
 * -1 before the rotation starts.
 */
export function shiftIndexAt(rotation: Rotation, at: number): number {
  if (at < handoffAt(rotation, 0)) {
    return -1;
  }
  const elapsedNaive = toNaive(rotation.timeZone, at) - rotation.startNaive;
  let k = Math.max(0, Math.floor(elapsedNaive / rotation.shiftMs));
  // The estimate is off by at most one around a clock change.
  while (k > 0 && handoffAt(rotation, k) > at) {
    k--;
  }
  while (handoffAt(rotation, k + 1) <= at) {
    k++;
  }
  return k;
}

/** The member of shift k: members[k mod n]. */
export function memberOfShift(rotation: Rotation, k: number): string {
  return rotation.members[k % rotation.members.length];
}

/** Who is on call at `at` (undefined before the rotation starts). */
export function onCallAt(rotation: Rotation, at: number): string | undefined {
  const k = shiftIndexAt(rotation, at);
  return k < 0 ? undefined : memberOfShift(rotation, k);
}

/**
 * The end of the current member's time on call: the first later handoff to someone else.
 * Null when every member is the same person (the shift never changes hands).
 */
export function onCallUntil(rotation: Rotation, at: number): number | null {
  const k = shiftIndexAt(rotation, at);
  if (k < 0) {
    return null;
  }
  const current = memberOfShift(rotation, k);
  for (let next = k + 1; next <= k + rotation.members.length; next++) {
    if (memberOfShift(rotation, next) !== current) {
      return handoffAt(rotation, next);
    }
  }
  return null;
}

/**
 * Who is on call over [from, to), consecutive shifts of the same member merged, zero-length
 * shifts (two handoffs on one instant, possible only for hour shifts across a skipped hour)
 * left out. Time before the rotation's start is not covered.
 */
export function segmentsBetween(
  rotation: Rotation,
  from: number,
  to: number,
): RotationSegment[] {
  const segments: RotationSegment[] = [];
  let k = shiftIndexAt(rotation, from);
  let start = from;
  if (k < 0) {
    k = 0;
    start = handoffAt(rotation, 0);
  }
  while (start < to) {
    const end = Math.min(handoffAt(rotation, k + 1), to);
    const member = memberOfShift(rotation, k);
    const last = segments[segments.length - 1];
    if (end > start) {
      if (last && last.member === member && last.end === start) {
        last.end = end;
      } else {
        segments.push({ member, start, end });
      }
    }
    start = Math.max(start, end);
    k++;
  }
  return segments;
}
