import {
  counterIncrease,
  generateCounters,
  toOpenMetrics,
} from './syntheticCounters';

describe('generateCounters', () => {
  const end = new Date('2026-12-07T10:00:00Z');
  const series = generateCounters(
    [
      {
        name: 'a',
        requests: () => 10,
        errors: minute => (minute === 2 ? 3 : 0),
        resetsAt: [3],
      },
    ],
    { end, minutes: 5 },
  );

  it('counts up one sample a minute ending at `end`, restarting at a reset', () => {
    expect(series[0].samples).toEqual([
      [1796637360, 10],
      [1796637420, 20],
      [1796637480, 30],
      [1796637540, 10],
      [1796637600, 20],
    ]);
    expect(series[1].samples.map(([, value]) => value)).toEqual([
      0, 0, 3, 0, 0,
    ]);
  });

  it('writes OpenMetrics families ending with # EOF', () => {
    const text = toOpenMetrics(series);
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# TYPE synthetic_requests counter',
      'synthetic_requests_total{scenario="a"} 10 1796637360',
    ]);
    expect(text.trimEnd().endsWith('# EOF')).toBe(true);
  });
});

describe('counterIncrease', () => {
  it('adds the growth between samples in the range and counts a drop as a restart', () => {
    const samples: Array<[number, number]> = [
      [0, 5],
      [60, 15],
      [120, 4],
      [180, 10],
    ];
    expect(counterIncrease(samples, 0, 180)).toBe(10 + 4 + 6);
    expect(counterIncrease(samples, 60, 120)).toBe(4);
    expect(counterIncrease(samples, 200, 300)).toBe(0);
  });
});
