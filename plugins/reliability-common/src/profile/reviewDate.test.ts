import type { Problem } from '../types';
import { isCalendarDate, readRunbooksReviewed } from './reviewDate';

describe('isCalendarDate', () => {
  it.each(['2026-11-22', '2024-02-29', '0999-01-01', '9999-12-31'])(
    'accepts %s',
    value => expect(isCalendarDate(value)).toBe(true),
  );

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-2',
    '2026-11-22T00:00:00Z',
    ' 2026-11-22',
    '',
  ])('rejects %p', value => expect(isCalendarDate(value)).toBe(false));
});

describe('readRunbooksReviewed', () => {
  it('is null without problems when the annotation is absent', () => {
    const problems: Problem[] = [];
    expect(readRunbooksReviewed(undefined, new Date(), problems)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('reports an invalid date with an example of today', () => {
    const problems: Problem[] = [];
    const now = new Date('2026-11-22T23:59:59.999Z');
    expect(readRunbooksReviewed('22/11/2026', now, problems)).toBeNull();
    expect(problems).toEqual([
      {
        severity: 'error',
        field: 'reliability/runbooks-reviewed',
        message:
          'reliability/runbooks-reviewed is "22/11/2026", which is not a date of the form YYYY-MM-DD',
        howToFix:
          'Set reliability/runbooks-reviewed to the day of the last review as "YYYY-MM-DD", e.g. "2026-11-22".',
      },
    ]);
  });

  it('compares with the UTC day of now, whatever the hour', () => {
    // Every hour over two years, around midnight, month ends and a leap day.
    const start = Date.UTC(2027, 11, 30, 0, 30);
    for (let hour = 0; hour < 2 * 366 * 24; hour += 7) {
      const now = new Date(start - hour * 3_600_000);
      const today = now.toISOString().slice(0, 10);
      const problems: Problem[] = [];
      expect(readRunbooksReviewed(today, now, problems)).toBe(today);
      expect(problems).toEqual([]);

      const tomorrow = new Date(now.getTime() + 86_400_000)
        .toISOString()
        .slice(0, 10);
      readRunbooksReviewed(tomorrow, now, problems);
      expect(problems.map(problem => problem.message)).toEqual([
        `reliability/runbooks-reviewed is ${tomorrow}, a date in the future (today is ${today})`,
      ]);
    }
  });

  it('writes a year past 9999 as it always did, from toISOString', () => {
    const problems: Problem[] = [];
    const now = new Date(Date.UTC(12345, 0, 1));
    readRunbooksReviewed('x', now, problems);
    expect(problems[0].howToFix).toContain(
      `e.g. "${now.toISOString().slice(0, 10)}"`,
    );
  });
});
