import { calendarPeriodStart, measuredWindow, promDuration } from './windows';

describe('promDuration', () => {
  it.each([
    [300, '5m'],
    [3600, '1h'],
    [86400 * 28, '28d'],
    [90, '90s'],
    [5400, '90m'],
    [0, '1s'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(promDuration(seconds)).toBe(text);
  });
});

describe('calendarPeriodStart', () => {
  const now = new Date('2026-12-09T15:42:10Z'); // a Wednesday
  it.each([
    ['Y', '2026-01-01T00:00:00.000Z'],
    ['Q', '2026-10-01T00:00:00.000Z'],
    ['M', '2026-12-01T00:00:00.000Z'],
    ['w', '2026-12-07T00:00:00.000Z'],
    ['d', '2026-12-09T00:00:00.000Z'],
    ['h', '2026-12-09T15:00:00.000Z'],
  ])('unit %s starts at %s', (unit, start) => {
    expect(calendarPeriodStart(unit, now).toISOString()).toBe(start);
  });
  it('starts a week on Monday even on a Sunday', () => {
    expect(
      calendarPeriodStart('w', new Date('2026-12-13T23:00:00Z')).toISOString(),
    ).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('measuredWindow', () => {
  const now = new Date('2026-12-09T12:00:00Z');
  it('is the last windowMinutes for a rolling window', () => {
    expect(
      measuredWindow(
        { window: '28d', windowMinutes: 28 * 1440, rolling: true },
        now,
      ),
    ).toEqual({
      start: new Date('2026-11-11T12:00:00Z'),
      end: now,
      seconds: 28 * 86400,
    });
  });
  it('runs from the start of the current period for a calendar window', () => {
    expect(
      measuredWindow(
        { window: '1M', windowMinutes: 30 * 1440, rolling: false },
        now,
      ),
    ).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: now,
      seconds: 8.5 * 86400,
    });
  });
  it('asks for at least a minute when the period has just begun', () => {
    expect(
      measuredWindow(
        { window: '1M', windowMinutes: 30 * 1440, rolling: false },
        new Date('2026-12-01T00:00:05Z'),
      )?.seconds,
    ).toBe(60);
  });
  it('treats an undefined rolling flag as rolling', () => {
    expect(
      measuredWindow({ window: '30d', windowMinutes: 30 * 1440 }, now)?.seconds,
    ).toBe(30 * 86400);
  });
  it('has no window without a length', () => {
    expect(
      measuredWindow({ window: '?', windowMinutes: null, rolling: true }, now),
    ).toBeNull();
  });
});
