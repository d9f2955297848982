import { screen, within, fireEvent } from '@testing-library/react';
import type {
  NormalizedSlo,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import { tier1CheckoutReport } from '../../__fixtures__/reports';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { SloTable } from './SloTable';

// The first render of the app shell is slow on a shared machine.
jest.setTimeout(30_000);

const ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: {},
};
const REF = { kind: 'component', namespace: 'default', name: 'checkout' };

const burning: SloStatus = {
  state: 'critical',
  sli: 0.9991,
  errorBudgetRemaining: 0.1,
  burnRates: { '5m': 30, '1h': 15.04, '3d': null },
  alerts: [
    { severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4 },
  ],
  reason: null,
  measuredAt: '2026-12-07T10:00:00.000Z',
  since: '2026-12-07T09:30:00.000Z',
  graphUrl: 'http://prom:9090/graph?g0.expr=x',
};

const noData: SloStatus = {
  ...burning,
  state: 'no-data',
  sli: null,
  errorBudgetRemaining: null,
  burnRates: {},
  alerts: [],
  reason: 'Prometheus has no samples or no traffic over the SLO window',
  graphUrl: undefined,
};

const slos = (statuses: Array<SloStatus | null>): NormalizedSlo[] =>
  tier1CheckoutReport.slos.map((slo, index) => ({
    ...slo,
    status: statuses[index],
  }));

describe('SloTable with live status', () => {
  it('shows state, budget bar, burn-rate chips, firing alerts and the graph link', async () => {
    const api = mockReliabilityApi();
    await renderForEntity(<SloTable slos={slos([burning, noData])} />, {
      entity: ENTITY,
      api,
    });
    const rows = screen.getAllByRole('row');
    const first = within(rows[1]);
    expect(first.getByText('Burning fast')).toBeInTheDocument();
    expect(first.getByText('10% left')).toBeInTheDocument();
    expect(
      first.getByRole('progressbar', { name: 'Error budget left: 10%' }),
    ).toBeInTheDocument();
    expect(first.getByText('5m 30×')).toBeInTheDocument();
    expect(first.getByText('1h 15×')).toBeInTheDocument();
    expect(first.getByText('3d no data')).toBeInTheDocument();
    expect(first.getByText('Page: 14.4× over 1h and 5m')).toBeInTheDocument();
    expect(first.getByText('Prometheus graph').closest('a')).toHaveAttribute(
      'href',
      'http://prom:9090/graph?g0.expr=x',
    );

    const second = within(rows[2]);
    expect(second.getAllByText('No data')).toHaveLength(2);
    expect(second.queryByText(/% left$/)).not.toBeInTheDocument();
    expect(second.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says an SLO without a status is not measured, never 0% or 100%', async () => {
    await renderForEntity(<SloTable slos={slos([null, null])} compact />, {
      entity: ENTITY,
      api: mockReliabilityApi(),
    });
    expect(screen.getAllByText('Not measured')).toHaveLength(2);
    expect(screen.getAllByText('No data')).toHaveLength(2);
    expect(screen.queryByText(/% left$/)).not.toBeInTheDocument();
  });

  it('draws the burn-down chart from the history on demand, or says there is no data', async () => {
    const api = mockReliabilityApi();
    api.getSloHistory.mockResolvedValue({
      entityRef: 'component:default/checkout',
      slo: 'checkout-availability',
      since: '2026-11-07T10:00:00.000Z',
      measured: true,
      points: [
        {
          measuredAt: '2026-12-07T09:00:00.000Z',
          state: 'unavailable',
          sli: null,
          errorBudgetRemaining: null,
        },
      ],
    });
    await renderForEntity(
      <SloTable slos={slos([burning, noData])} entityRef={REF} />,
      { entity: ENTITY, api },
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Burn-down' })[0]);
    expect(
      await screen.findByText(/No data: the budget of checkout-availability/),
    ).toBeInTheDocument();
    expect(api.getSloHistory).toHaveBeenCalledWith(
      REF,
      'checkout-availability',
      30,
    );
  });
});
