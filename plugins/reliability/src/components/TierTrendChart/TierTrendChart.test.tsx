import { screen } from '@testing-library/react';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { coverageRow } from '../../__testUtils__/coverageFixtures';
import { TierTrendChart, toTrendData } from './TierTrendChart';

describe('toTrendData', () => {
  it('puts each tier share of a measure on one row per day, in day order', () => {
    const point = (day: string, withSlo: number) => {
      const { key, ...counters } = coverageRow('x', { withSlo });
      return { day, ...counters };
    };
    expect(
      toTrendData(
        [
          {
            key: '1',
            points: [point('2026-11-02', 5), point('2026-11-01', 2)],
          },
          { key: 'none', points: [point('2026-11-02', 10)] },
        ],
        'withSlo',
      ),
    ).toEqual([
      { day: '2026-11-01', '1': 20 },
      { day: '2026-11-02', '1': 50, none: 100 },
    ]);
  });
});

describe('TierTrendChart', () => {
  it('asks for 90 days by tier without the system filter, and explains an empty history', async () => {
    const api = mockReliabilityApi();
    api.getCoverageHistory.mockResolvedValue({
      groupBy: 'tier',
      from: '2026-08-25',
      to: '2026-11-22',
      series: [],
    });
    await renderCoverage(
      <TierTrendChart filter={{ tier: [1], system: 'system:default/x' }} />,
      { api },
    );
    expect(
      await screen.findByText(/No daily snapshots yet/),
    ).toBeInTheDocument();
    expect(screen.getByText(/not per system/)).toBeInTheDocument();
    expect(api.getCoverageHistory).toHaveBeenCalledWith({
      groupBy: 'tier',
      days: 90,
      filter: { tier: [1] },
    });
  });
});
