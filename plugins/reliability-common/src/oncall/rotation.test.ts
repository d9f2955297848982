import { execFileSync } from 'node:child_process';
import {
  handoffAt,
  onCallAt,
  onCallUntil,
  segmentsBetween,
  shiftIndexAt,
  type Rotation,
} from './rotation';
import { parseShift } from './shift';
import { parseNaive } from './zonedTime';

/**
 * The independent calculation: GNU date with the system's tz database (not ICU, which Intl
 * uses) turns local wall-clock readings into epoch seconds.
 */
function oracleEpochSeconds(timeZone: string, localTimes: string[]): number[] {
  const output = execFileSync('date', ['-f', '-', '+%s'], {
    input: `${localTimes.join('\n')}\n`,
    env: { TZ: timeZone, LC_ALL: 'C' },
  }).toString();
  return output.trim().split('\n').map(Number);
}

/** start + k shifts as a wall-clock reading, by plain calendar arithmetic. */
function localReading(startNaive: number, shiftMs: number, k: number): string {
  return new Date(startNaive + k * shiftMs)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

function rotationOf(
  timeZone: string,
  start: string,
  shift: string,
  members = ['user:default/ada', 'user:default/grace', 'user:default/linus'],
): Rotation {
  return {
    name: 'test',
    timeZone,
    startNaive: parseNaive(start)!,
    shiftMs: parseShift(shift)!,
    members,
    escalation: [],
  };
}

const CASES: Array<{
  zone: string;
  start: string;
  shift: string;
  count: number;
}> = [
  // Weekly Monday 09:00 through both 2026 changes (29 March, 25 October).
  { zone: 'Europe/Berlin', start: '2026-01-05T09:00', shift: '1w', count: 60 },
  // Daily handoffs at 08:00 and 12h at 06:00/18:00 across 8 March and 1 November 2026.
  {
    zone: 'America/New_York',
    start: '2026-02-20T08:00',
    shift: '1d',
    count: 300,
  },
  {
    zone: 'America/New_York',
    start: '2026-02-20T06:00',
    shift: '12h',
    count: 600,
  },
  // Lord Howe moves its clocks by 30 minutes (5 April and 4 October 2026).
  {
    zone: 'Australia/Lord_Howe',
    start: '2026-03-01T20:00',
    shift: '12h',
    count: 500,
  },
  {
    zone: 'Australia/Lord_Howe',
    start: '2026-03-02T09:30',
    shift: '1w',
    count: 60,
  },
  { zone: 'Europe/Berlin', start: '2026-03-20T07:00', shift: '3d', count: 100 },
  // No daylight saving, a half-hour offset.
  { zone: 'Asia/Kolkata', start: '2026-01-01T09:30', shift: '1d', count: 120 },
  { zone: 'Asia/Kolkata', start: '2026-01-01T21:00', shift: '8h', count: 300 },
];

describe('rotation handoffs', () => {
  it.each(CASES)(
    '$zone, $shift from $start: every handoff, and who is on call around it, match GNU date to the second',
    ({ zone, start, shift, count }) => {
      const rotation = rotationOf(zone, start, shift);
      const readings = Array.from({ length: count + 1 }, (_, k) =>
        localReading(rotation.startNaive, rotation.shiftMs, k),
      );
      const expected = oracleEpochSeconds(zone, readings).map(s => s * 1000);
      for (let k = 0; k < count; k++) {
        expect({ k, at: handoffAt(rotation, k) }).toEqual({
          k,
          at: expected[k],
        });
        const member = rotation.members[k % 3];
        expect(onCallAt(rotation, expected[k])).toBe(member);
        expect(onCallAt(rotation, expected[k + 1] - 1000)).toBe(member);
        expect(shiftIndexAt(rotation, expected[k] - 1000)).toBe(k - 1);
        expect(onCallUntil(rotation, expected[k] + 1000)).toBe(expected[k + 1]);
      }
    },
  );

  it('keeps the local time across the change: Berlin weekly 09:00 is 08:00Z in winter, 07:00Z in summer', () => {
    const rotation = rotationOf('Europe/Berlin', '2026-01-05T09:00', '1w');
    // 23 March (winter) and 30 March (the day after the change).
    expect(new Date(handoffAt(rotation, 11)).toISOString()).toBe(
      '2026-03-23T08:00:00.000Z',
    );
    expect(new Date(handoffAt(rotation, 12)).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    // That week's shift is one hour shorter.
    expect(handoffAt(rotation, 12) - handoffAt(rotation, 11)).toBe(
      7 * 86_400_000 - 3_600_000,
    );
  });

  it('moves a handoff in the skipped hour forward by the jump, and takes the first of a repeated one', () => {
    // New York: 8 March 2026 02:00 EST -> 03:00 EDT; 1 November 02:00 EDT -> 01:00 EST.
    const gap = rotationOf('America/New_York', '2026-03-08T02:30', '1d');
    expect(new Date(handoffAt(gap, 0)).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z', // 03:30 EDT
    );
    expect(new Date(handoffAt(gap, 1)).toISOString()).toBe(
      '2026-03-09T06:30:00.000Z', // 02:30 EDT
    );
    const repeated = rotationOf('America/New_York', '2026-11-01T01:30', '1d');
    expect(new Date(handoffAt(repeated, 0)).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z', // the first 01:30, still EDT
    );
    // Lord Howe: 4 October 2026 02:00 -> 02:30 (+10:30 -> +11); 5 April 02:00 -> 01:30.
    const halfHourGap = rotationOf(
      'Australia/Lord_Howe',
      '2026-10-04T02:15',
      '1d',
    );
    expect(new Date(handoffAt(halfHourGap, 0)).toISOString()).toBe(
      '2026-10-03T15:45:00.000Z', // 02:45 +11
    );
    const halfHourRepeat = rotationOf(
      'Australia/Lord_Howe',
      '2026-04-05T01:45',
      '1d',
    );
    expect(new Date(handoffAt(halfHourRepeat, 0)).toISOString()).toBe(
      '2026-04-04T14:45:00.000Z', // the first 01:45, +11
    );
    expect(new Date(handoffAt(halfHourRepeat, 1)).toISOString()).toBe(
      '2026-04-05T15:15:00.000Z', // 01:45 +10:30
    );
  });

  it('has nobody on call before the start', () => {
    const rotation = rotationOf('Asia/Kolkata', '2026-06-01T09:30', '1w');
    const start = Date.parse('2026-06-01T04:00:00Z');
    expect(handoffAt(rotation, 0)).toBe(start);
    expect(onCallAt(rotation, start - 1000)).toBeUndefined();
    expect(onCallUntil(rotation, start - 1000)).toBeNull();
    expect(onCallAt(rotation, start)).toBe('user:default/ada');
  });

  it("gives the end of a person's time on call, past shifts that are theirs again", () => {
    const rotation = rotationOf('Europe/Berlin', '2026-01-05T09:00', '1d', [
      'user:default/ada',
      'user:default/ada',
      'user:default/grace',
    ]);
    const at = Date.parse('2026-01-05T10:00:00Z');
    expect(new Date(onCallUntil(rotation, at)!).toISOString()).toBe(
      '2026-01-07T08:00:00.000Z',
    );
    const solo = rotationOf('Europe/Berlin', '2026-01-05T09:00', '1d', [
      'user:default/ada',
    ]);
    expect(onCallUntil(solo, at)).toBeNull();
  });
});

describe('segmentsBetween', () => {
  it('lists the shifts of a window, merged per person, cut at its ends', () => {
    const rotation = rotationOf('Europe/Berlin', '2026-03-23T09:00', '1w', [
      'user:default/ada',
      'user:default/grace',
    ]);
    const from = Date.parse('2026-03-25T12:00:00Z');
    const to = Date.parse('2026-04-08T12:00:00Z');
    expect(
      segmentsBetween(rotation, from, to).map(segment => ({
        member: segment.member,
        start: new Date(segment.start).toISOString(),
        end: new Date(segment.end).toISOString(),
      })),
    ).toEqual([
      {
        member: 'user:default/ada',
        start: '2026-03-25T12:00:00.000Z',
        end: '2026-03-30T07:00:00.000Z',
      },
      {
        member: 'user:default/grace',
        start: '2026-03-30T07:00:00.000Z',
        end: '2026-04-06T07:00:00.000Z',
      },
      {
        member: 'user:default/ada',
        start: '2026-04-06T07:00:00.000Z',
        end: '2026-04-08T12:00:00.000Z',
      },
    ]);
  });

  it('starts at the rotation start when the window begins earlier', () => {
    const rotation = rotationOf('Asia/Kolkata', '2026-06-01T09:30', '1w', [
      'user:default/ada',
    ]);
    const segments = segmentsBetween(
      rotation,
      Date.parse('2026-05-30T00:00:00Z'),
      Date.parse('2026-06-03T00:00:00Z'),
    );
    expect(segments).toEqual([
      {
        member: 'user:default/ada',
        start: Date.parse('2026-06-01T04:00:00Z'),
        end: Date.parse('2026-06-03T00:00:00Z'),
      },
    ]);
  });
});
