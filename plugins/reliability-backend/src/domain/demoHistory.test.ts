import { demoHistoryFactor } from './demoHistory';

describe('demoHistoryFactor', () => {
  it('climbs from half of today at the oldest generated day to all of today', () => {
    expect(demoHistoryFactor(90, 90)).toBe(0.5);
    expect(demoHistoryFactor(45, 90)).toBe(0.75);
    expect(demoHistoryFactor(1, 90)).toBeCloseTo(0.9944, 4);
    expect(demoHistoryFactor(0, 90)).toBe(1);
  });

  it('rises day by day and stays within [0.5, 1]', () => {
    const factors = Array.from({ length: 60 }, (_, index) =>
      demoHistoryFactor(60 - index, 60),
    );
    factors.slice(1).forEach((factor, index) => {
      expect(factor).toBeGreaterThan(factors[index]);
    });
    expect(Math.min(...factors)).toBe(0.5);
    expect(demoHistoryFactor(120, 60)).toBe(0.5);
    expect(demoHistoryFactor(5, 0)).toBe(1);
  });
});
