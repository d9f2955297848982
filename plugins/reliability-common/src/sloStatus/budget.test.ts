import {
  burnRate,
  errorBudgetRemaining,
  errorRatioOfEvents,
  errorRatioOfRatio,
  roundFigure,
  sliOf,
  timesliceSli,
} from './budget';

describe('errorRatioOfEvents', () => {
  it('divides bad by total', () => {
    expect(errorRatioOfEvents({ bad: 5, total: 1000 })).toBe(0.005);
  });
  it('derives bad from good', () => {
    expect(errorRatioOfEvents({ good: 990, total: 1000 })).toBeCloseTo(0.01);
  });
  it('has no ratio without traffic: zero, no samples or NaN totals', () => {
    expect(errorRatioOfEvents({ bad: 0, total: 0 })).toBeNull();
    expect(errorRatioOfEvents({ bad: null, total: null })).toBeNull();
    expect(errorRatioOfEvents({ bad: 1, total: NaN })).toBeNull();
  });
  it('counts no error samples with traffic as no errors', () => {
    expect(errorRatioOfEvents({ bad: null, total: 50 })).toBe(0);
  });
  it('has no ratio when good has no samples (nothing says how many were good)', () => {
    expect(errorRatioOfEvents({ good: null, total: 50 })).toBeNull();
  });
  it('clamps inconsistent counts (bad above total, good above total) to [0,1]', () => {
    expect(errorRatioOfEvents({ bad: 12, total: 10 })).toBe(1);
    expect(errorRatioOfEvents({ good: 12, total: 10 })).toBe(0);
  });
});

describe('errorRatioOfRatio', () => {
  it('passes a ratio through, clamped', () => {
    expect(errorRatioOfRatio(0.02)).toBe(0.02);
    expect(errorRatioOfRatio(-0.1)).toBe(0);
  });
  it('treats no samples and 0/0 as no data', () => {
    expect(errorRatioOfRatio(null)).toBeNull();
    expect(errorRatioOfRatio(NaN)).toBeNull();
  });
});

describe('sli, budget and burn rate', () => {
  it('gives the contract example: 99.953% against 99.9% leaves 53% of the budget', () => {
    const sli = sliOf(0.00047)!;
    expect(sli).toBeCloseTo(0.99953, 10);
    expect(errorBudgetRemaining(sli, 0.999)).toBeCloseTo(0.53, 10);
  });
  it('is 1 untouched, 0 spent and negative when overspent', () => {
    expect(errorBudgetRemaining(1, 0.99)).toBe(1);
    expect(errorBudgetRemaining(0.99, 0.99)).toBeCloseTo(0, 10);
    expect(errorBudgetRemaining(0.97, 0.99)).toBeCloseTo(-2, 10);
  });
  it('has no budget and no burn rate without data', () => {
    expect(sliOf(null)).toBeNull();
    expect(errorBudgetRemaining(null, 0.99)).toBeNull();
    expect(burnRate(null, 0.99)).toBeNull();
  });
  it('burns at 1 when the error ratio equals the budget, 14.4 at 14.4 times it', () => {
    expect(burnRate(0.001, 0.999)).toBeCloseTo(1, 10);
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4, 10);
    expect(burnRate(0, 0.999)).toBe(0);
  });
});

describe('timesliceSli', () => {
  it('is good slices over slices with data', () => {
    expect(timesliceSli({ good: 95, total: 100 })).toBe(0.95);
    expect(timesliceSli({ good: null, total: 100 })).toBe(0);
  });
  it('has no SLI without slices', () => {
    expect(timesliceSli({ good: 0, total: 0 })).toBeNull();
    expect(timesliceSli({ good: null, total: null })).toBeNull();
  });
  it('is one minus the mean slice error ratio for RatioTimeslices', () => {
    expect(timesliceSli({ meanErrorRatio: 0.25 })).toBe(0.75);
    expect(timesliceSli({ meanErrorRatio: null })).toBeNull();
    expect(timesliceSli({ meanErrorRatio: NaN })).toBeNull();
  });
});

describe('roundFigure', () => {
  it('drops float noise and keeps null', () => {
    expect(roundFigure(0.1 + 0.2)).toBe(0.3);
    expect(roundFigure(null)).toBeNull();
  });
});
