import { DateTime } from 'luxon';
import {
  daysSince,
  formatAge,
  formatDate,
  formatDateTime,
  formatErrorBudget,
  formatMinutes,
  formatTarget,
} from './format';

describe('formatTarget', () => {
  it.each([
    [0.999, '99.9%'],
    [0.9995, '99.95%'],
    [0.99, '99%'],
    [0.99999, '99.999%'],
    [0.5, '50%'],
  ])('%p → %p', (ratio, text) => {
    expect(formatTarget(ratio)).toBe(text);
  });
});

describe('formatMinutes', () => {
  it.each([
    [43.2, '43.2 min'],
    [40.32, '40.32 min'],
    [21.6, '21.6 min'],
    [432, '7.2 h'],
    [403.2, '6.72 h'],
    [4320, '3 d'],
  ])('%p → %p', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('formatErrorBudget', () => {
  it('shows the allowed bad time over the window', () => {
    expect(
      formatErrorBudget({
        allowedBadMinutes: 43.2,
        errorBudget: 0.001,
        window: '30d',
      }),
    ).toBe('43.2 min / 30d');
  });

  it('falls back to the budget ratio when the window has no length in minutes', () => {
    expect(
      formatErrorBudget({
        allowedBadMinutes: null,
        errorBudget: 0.001,
        window: '1M',
      }),
    ).toBe('0.1% / 1M');
  });
});

describe('daysSince', () => {
  const now = DateTime.fromISO('2026-11-22T10:00:00Z');

  it('counts whole days', () => {
    expect(daysSince('2026-03-01', now)).toBe(266);
    expect(daysSince('2026-11-22', now)).toBe(0);
    expect(daysSince('2026-11-21', now)).toBe(1);
  });

  it('returns null for a date that is no date', () => {
    expect(daysSince('last tuesday', now)).toBeNull();
  });
});

describe('formatAge', () => {
  it.each([
    [0, 'today'],
    [1, '1 day ago'],
    [266, '266 days ago'],
  ])('%p → %p', (days, text) => {
    expect(formatAge(days)).toBe(text);
  });
});

describe('formatDate', () => {
  it('formats ISO timestamps and leaves other text alone', () => {
    expect(formatDate('2027-01-15T00:00:00Z')).toBe('15 Jan 2027');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('gives the date and the time of day', () => {
    expect(formatDateTime('2026-12-07T14:05:31.000Z', 'utc')).toBe(
      '7 Dec 2026, 14:05',
    );
  });

  it('shows the moment in the given zone', () => {
    expect(formatDateTime('2026-12-07T23:30:00.000Z', 'Europe/Berlin')).toBe(
      '8 Dec 2026, 00:30',
    );
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDateTime('not a date', 'utc')).toBe('not a date');
  });
});
