import { decideReviewDue, reviewDueAt } from './reviewDue';

const REF = 'component:default/checkout-api';
const NOW = new Date('2026-12-01T12:00:00.000Z');

describe('reviewDueAt', () => {
  it('adds the cadence to the last sign-off', () => {
    expect(reviewDueAt('2026-09-01T00:00:00.000Z', 90)?.toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
  });

  it.each([
    [null, 90],
    ['2026-09-01T00:00:00.000Z', undefined],
    ['2026-09-01T00:00:00.000Z', 0],
    ['not a date', 90],
  ] as const)('is null for %p / %p', (at, cadence) => {
    expect(reviewDueAt(at, cadence)).toBeNull();
  });
});

describe('decideReviewDue', () => {
  const base = {
    entityRef: REF,
    cadenceDays: 90,
    reviewPending: false,
    now: NOW,
  };

  it('says nothing while the due date is more than 14 days away', () => {
    expect(
      decideReviewDue({ ...base, lastSignedOffAt: '2026-11-01T00:00:00.000Z' }),
    ).toBeNull();
  });

  it('tells the owners 14 days ahead', () => {
    const intent = decideReviewDue({
      ...base,
      lastSignedOffAt: '2026-09-10T00:00:00.000Z',
    });
    expect(intent).toMatchObject({
      key: `review-due:${REF}:2026-12-09:soon`,
      recipients: [REF],
      payload: {
        title: 'checkout-api: readiness review due on 2026-12-09',
        topic: 'Readiness review due',
        scope: `reliability:review-due:${REF}`,
        severity: 'normal',
        link: '/catalog/default/component/checkout-api/reliability',
      },
    });
  });

  it('tells them again once overdue', () => {
    const intent = decideReviewDue({
      ...base,
      lastSignedOffAt: '2026-08-01T00:00:00.000Z',
    });
    expect(intent?.key).toBe(`review-due:${REF}:2026-10-30:overdue`);
    expect(intent?.payload.severity).toBe('high');
  });

  it('is silent while a review is requested, or without cadence', () => {
    expect(
      decideReviewDue({
        ...base,
        lastSignedOffAt: '2026-08-01T00:00:00.000Z',
        reviewPending: true,
      }),
    ).toBeNull();
    expect(
      decideReviewDue({
        ...base,
        cadenceDays: undefined,
        lastSignedOffAt: '2026-08-01T00:00:00.000Z',
      }),
    ).toBeNull();
  });
});
