import { countOf, formatDay } from './format';

/** The formula formatDay had before its fast path: every answer must stay the same. */
const formattedThroughDate = (timestamp: string) => {
  const time = Date.parse(timestamp);
  return Number.isNaN(time)
    ? timestamp
    : new Date(time).toISOString().slice(0, 10);
};

describe('formatDay', () => {
  it.each([
    ['2026-11-22T10:00:00.000Z', '2026-11-22'],
    ['2026-11-22T23:59:59Z', '2026-11-22'],
    ['2026-11-22T00:00Z', '2026-11-22'],
    ['2026-11-22', '2026-11-22'],
  ])('gives the UTC day of %s', (timestamp, day) => {
    expect(formatDay(timestamp)).toBe(day);
  });

  it('converts a timestamp with an offset to its UTC day', () => {
    expect(formatDay('2026-11-22T23:30:00-02:00')).toBe('2026-11-23');
    expect(formatDay('2026-11-22T01:00:00+02:00')).toBe('2026-11-21');
  });

  it('takes 24:00 as the start of the next day', () => {
    expect(formatDay('2026-11-22T24:00:00Z')).toBe(
      formattedThroughDate('2026-11-22T24:00:00Z'),
    );
  });

  it('returns what is no date as it is', () => {
    expect(formatDay('soon')).toBe('soon');
    expect(formatDay('2026-13-01T00:00:00Z')).toBe('2026-13-01T00:00:00Z');
    expect(formatDay('')).toBe('');
  });

  it('agrees with formatting through a Date for timestamps of every shape', () => {
    const shapes = [
      (date: Date) => date.toISOString(),
      (date: Date) => date.toISOString().replace('.000Z', 'Z'),
      (date: Date) => `${date.toISOString().slice(0, 16)}Z`,
      (date: Date) => date.toISOString().replace('Z', '+05:30'),
      (date: Date) => date.toISOString().replace('Z', '-11:00'),
      (date: Date) => date.toISOString().slice(0, 10),
      (date: Date) => date.toUTCString(),
    ];
    const start = Date.UTC(2024, 0, 1);
    for (let step = 0; step < 400; step++) {
      const date = new Date(start + step * 7_919_993_001);
      for (const shape of shapes) {
        const timestamp = shape(date);
        expect([timestamp, formatDay(timestamp)]).toEqual([
          timestamp,
          formattedThroughDate(timestamp),
        ]);
      }
    }
  });
});

describe('countOf', () => {
  it('writes the noun in the singular for one and in the plural otherwise', () => {
    expect(countOf(1, 'SLO')).toBe('1 SLO');
    expect(countOf(0, 'SLO')).toBe('0 SLOs');
    expect(countOf(2, 'dependency', 'dependencies')).toBe('2 dependencies');
  });
});
