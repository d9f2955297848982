import { dayNumber, evaluateTarget, linearTrend } from './targetStatus';

describe('linearTrend', () => {
  it('needs two distinct days', () => {
    expect(linearTrend([])).toBeNull();
    expect(linearTrend([{ day: '2026-01-01', share: 0.5 }])).toBeNull();
    expect(
      linearTrend([
        { day: '2026-01-01', share: 0.5 },
        { day: '2026-01-01', share: 0.6 },
      ]),
    ).toBeNull();
  });

  it('fits an exact line', () => {
    const trend = linearTrend([
      { day: '2026-01-01', share: 0.1 },
      { day: '2026-01-11', share: 0.2 },
      { day: '2026-01-21', share: 0.3 },
    ])!;
    expect(trend.slope).toBeCloseTo(0.01, 10);
    expect(trend.intercept + trend.slope * dayNumber('2026-01-31')).toBeCloseTo(
      0.4,
      10,
    );
  });

  it('fits noisy data by least squares', () => {
    const trend = linearTrend([
      { day: '2026-01-01', share: 0.2 },
      { day: '2026-01-02', share: 0.4 },
      { day: '2026-01-03', share: 0.2 },
      { day: '2026-01-04', share: 0.4 },
    ])!;
    expect(trend.slope).toBeCloseTo(0.04, 10);
  });
});

describe('evaluateTarget', () => {
  const rising = [
    { day: '2026-01-01', share: 0.2 },
    { day: '2026-01-31', share: 0.3 },
    { day: '2026-03-02', share: 0.4 },
  ];

  it('is met when the current share reaches the target, even without history', () => {
    const result = evaluateTarget({
      target: 0.8,
      by: '2027-06-30',
      current: 0.8,
      history: [],
      today: '2026-03-02',
    });
    expect(result.status).toBe('met');
    expect(result.explanation).toContain('80%');
  });

  it('is on track when the trend reaches the target by the deadline', () => {
    // +0.1 per 30 days from 0.4 on 2026-03-02 reaches 0.8 about 120 days later.
    const result = evaluateTarget({
      target: 0.8,
      by: '2026-07-31',
      current: 0.4,
      history: rising,
      today: '2026-03-02',
    });
    expect(result.status).toBe('on-track');
    expect(result.projected).toBeGreaterThanOrEqual(0.8);
  });

  it('is off track when the trend falls short', () => {
    const result = evaluateTarget({
      target: 0.8,
      by: '2026-05-01',
      current: 0.4,
      history: rising,
      today: '2026-03-02',
    });
    expect(result.status).toBe('off-track');
    expect(result.projected).toBeCloseTo(0.6, 1);
    expect(result.explanation).toContain('2026-05-01');
  });

  it('is off track when the trend is flat or falling', () => {
    const result = evaluateTarget({
      target: 0.5,
      by: '2030-01-01',
      current: 0.4,
      history: [
        { day: '2026-01-01', share: 0.45 },
        { day: '2026-02-01', share: 0.4 },
      ],
      today: '2026-02-01',
    });
    expect(result.status).toBe('off-track');
    expect(result.projected).toBe(0);
  });

  it('says there is no trend, not off track, without enough history to project', () => {
    const result = evaluateTarget({
      target: 0.8,
      by: '2027-01-01',
      current: 0.5,
      history: [{ day: '2026-01-01', share: 0.5 }],
      today: '2026-01-01',
    });
    expect(result).toMatchObject({ status: 'no-trend', projected: null });
    expect(result.explanation).toContain('not enough daily history');
  });

  it('is off track once the deadline has passed unmet', () => {
    const result = evaluateTarget({
      target: 0.8,
      by: '2026-01-31',
      current: 0.79,
      history: rising,
      today: '2026-02-01',
    });
    expect(result).toMatchObject({ status: 'off-track', projected: null });
    expect(result.explanation).toContain('has passed');
  });

  it('still counts the deadline day itself as open', () => {
    const result = evaluateTarget({
      target: 0.3,
      by: '2026-03-02',
      current: 0.29,
      history: rising,
      today: '2026-03-02',
    });
    expect(result.status).toBe('on-track');
  });

  it('clamps the projection to [0, 1]', () => {
    const result = evaluateTarget({
      target: 0.99,
      by: '2036-01-01',
      current: 0.4,
      history: rising,
      today: '2026-03-02',
    });
    expect(result.projected).toBe(1);
  });
});
