import { screen } from '@testing-library/react';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { measuredCoverage, SlosBurningNow } from './SlosBurningNow';

jest.setTimeout(30_000);

describe('measuredCoverage', () => {
  it('counts SLOs with live data over all SLOs with a status', () => {
    expect(
      measuredCoverage({ ok: 5, warning: 1, 'no-data': 3, unavailable: 1 }),
    ).toEqual({ measured: 6, total: 10 });
    expect(measuredCoverage({})).toEqual({ measured: 0, total: 0 });
  });
});

describe('SlosBurningNow', () => {
  it('lists the burning SLOs with budget and since when, and the measured share', async () => {
    const api = mockReliabilityApi();
    api.getSloStatusOverview.mockResolvedValue({
      measured: true,
      counts: { exhausted: 1, ok: 2, 'no-data': 1 },
      burning: [
        {
          entityRef: 'component:default/checkout',
          slo: 'checkout-availability',
          state: 'exhausted',
          errorBudgetRemaining: -0.25,
          since: '2026-12-07T08:30:00.000Z',
          measuredAt: '2026-12-07T10:00:00.000Z',
        },
      ],
    });
    await renderCoverage(<SlosBurningNow />, { api });
    expect(
      await screen.findByText('3 of 4 SLOs measured (75%)'),
    ).toBeInTheDocument();
    expect(screen.getByText(/checkout-availability/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Budget exhausted, -25% left, since 2026-12-07 08:30 UTC',
      ),
    ).toBeInTheDocument();
  });

  it('says no data when no Prometheus is configured', async () => {
    const api = mockReliabilityApi();
    api.getSloStatusOverview.mockResolvedValue({
      measured: false,
      counts: {},
      burning: [],
    });
    await renderCoverage(<SlosBurningNow />, { api });
    expect(
      await screen.findByText(/No data: no Prometheus instance is configured/),
    ).toBeInTheDocument();
  });
});
