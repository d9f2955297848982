import { parsePolicyConfig } from '../../policy/parsePolicyConfig';
import {
  checkContext,
  makeEntity,
  NOW,
  readyInput,
  withProfile,
} from '../testFixtures';
import { evaluateRunbookFresh } from './runbookFresh';

/** The review date `days` whole days before NOW (2026-11-22T10:00Z). */
function reviewedDaysAgo(days: number): string {
  const date = new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

const evaluateReviewed = (reviewed: string | null, raw?: string) =>
  evaluateRunbookFresh(
    checkContext(
      'runbook-fresh',
      withProfile(
        readyInput({
          entity: makeEntity({
            annotations:
              raw === undefined ? {} : { 'reliability/runbooks-reviewed': raw },
          }),
        }),
        { runbooksReviewed: reviewed },
      ),
    ),
  );

describe('evaluateRunbookFresh', () => {
  it.each([
    [0, 'pass'],
    [149, 'pass'],
    [150, 'warn'],
    [180, 'warn'],
    [181, 'fail'],
    [400, 'fail'],
  ])('is %i days old → %s', (days, state) => {
    const reviewed = reviewedDaysAgo(days);
    expect(evaluateReviewed(reviewed, reviewed).state).toBe(state);
  });

  it('says how old the review is', () => {
    expect(evaluateReviewed('2026-11-02', '2026-11-02').message).toBe(
      'Runbooks reviewed on 2026-11-02 (20 days ago)',
    );
    expect(evaluateReviewed(reviewedDaysAgo(170), 'x').message).toBe(
      `Runbooks reviewed on ${reviewedDaysAgo(
        170,
      )}, 170 days ago: review due within 10 days`,
    );
    expect(evaluateReviewed(reviewedDaysAgo(181), 'x').message).toBe(
      `Runbooks last reviewed on ${reviewedDaysAgo(
        181,
      )}, 181 days ago (more than 180)`,
    );
  });

  it('fails without the annotation', () => {
    expect(evaluateReviewed(null)).toEqual({
      state: 'fail',
      message: 'No reliability/runbooks-reviewed annotation',
    });
  });

  it('fails for a value that is no date', () => {
    expect(evaluateReviewed(null, 'last spring')).toEqual({
      state: 'fail',
      message:
        'reliability/runbooks-reviewed is "last spring", which is not a date YYYY-MM-DD',
    });
  });

  it('treats tomorrow (a team east of UTC) as today, and a later date as suspicious', () => {
    expect(evaluateReviewed('2026-11-23', '2026-11-23').state).toBe('pass');
    const future = evaluateReviewed('2026-12-25', '2026-12-25');
    expect(future.state).toBe('warn');
    expect(future.message).toBe(
      'Runbooks reviewed on 2026-12-25, a date in the future',
    );
  });

  it('uses the configured thresholds', () => {
    const policy = parsePolicyConfig({
      runbookFreshness: { warnAfterDays: 60, failAfterDays: 90 },
    });
    const at = (days: number) =>
      evaluateRunbookFresh(
        checkContext(
          'runbook-fresh',
          withProfile(readyInput(), {
            runbooksReviewed: reviewedDaysAgo(days),
          }),
          policy,
        ),
      ).state;
    expect([at(59), at(60), at(90), at(91)]).toEqual([
      'pass',
      'warn',
      'warn',
      'fail',
    ]);
  });
});
