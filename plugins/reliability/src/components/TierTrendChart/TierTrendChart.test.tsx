import { screen, waitFor } from '@testing-library/react';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { coverageRow } from '../../__testUtils__/coverageFixtures';
import { TierTrendChart, toTrendData } from './TierTrendChart';
import { TIER_COLORS } from '../../lib/chartPalette';

// A fixed size, as jsdom lays nothing out and ResponsiveContainer would draw no chart.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  const { cloneElement } = jest.requireActual('react');
  return {
    ...actual,
    ResponsiveContainer: ({ children }: { children: JSX.Element }) =>
      cloneElement(children, { width: 800, height: 280 }),
  };
});

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

describe('TierTrendChart colours', () => {
  const point = (day: string) => {
    const { key, ...counters } = coverageRow('x', { withSlo: 5 });
    return { day, ...counters };
  };
  const strokes = (container: HTMLElement) =>
    Array.from(container.querySelectorAll('.recharts-line-curve')).map(path =>
      path.getAttribute('stroke'),
    );

  it('draws a tier in the same colour whichever tiers the filter leaves', async () => {
    const api = mockReliabilityApi();
    const days = ['2026-11-01', '2026-11-02'];
    api.getCoverageHistory.mockResolvedValueOnce({
      groupBy: 'tier',
      from: days[0],
      to: days[1],
      series: ['0', '2'].map(key => ({ key, points: days.map(point) })),
    });
    const all = await renderCoverage(<TierTrendChart filter={{}} />, { api });
    await screen.findByText('Trend by tier');
    await waitFor(() => expect(strokes(all.container)).toHaveLength(2));
    expect(strokes(all.container)).toEqual([
      TIER_COLORS['0'],
      TIER_COLORS['2'],
    ]);
    all.unmount();

    api.getCoverageHistory.mockResolvedValueOnce({
      groupBy: 'tier',
      from: days[0],
      to: days[1],
      series: [{ key: '2', points: days.map(point) }],
    });
    const one = await renderCoverage(
      <TierTrendChart filter={{ tier: [2] }} />,
      {
        api,
      },
    );
    await waitFor(() => expect(strokes(one.container)).toHaveLength(1));
    expect(strokes(one.container)).toEqual([TIER_COLORS['2']]);
  });
});
