import { mockApis } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { checkoutEntity, paymentsApiEntity } from '../../__fixtures__/entities';
import {
  FIXTURE_NOW,
  tier1CheckoutReport,
  tier2UnreachableSloReport,
} from '../../__fixtures__/reports';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { EntityReliabilityCard } from './EntityReliabilityCard';

describe('EntityReliabilityCard', () => {
  const realNow = Settings.now;
  beforeEach(() => {
    Settings.now = () => Date.parse(FIXTURE_NOW);
  });
  afterEach(() => {
    Settings.now = realNow;
  });

  it('renders a full tier-1 report', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    await renderForEntity(<EntityReliabilityCard />, {
      entity: checkoutEntity,
      api,
    });

    expect(await screen.findByText('Tier 1')).toBeInTheDocument();
    expect(api.getReport).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(screen.getByText(/^Business critical/)).toBeInTheDocument();
    expect(
      screen.getByText(/^Evaluated 22 Nov 2026, \d\d:\d\d$/),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Readiness score 71 of 100'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Verdict: Not ready')).toBeInTheDocument();
    expect(
      screen.getByText('Expected for its tier: level 3'),
    ).toBeInTheDocument();

    const slos = within(screen.getByRole('region', { name: 'SLOs' }));
    expect(slos.getByText('checkout-availability')).toBeInTheDocument();
    expect(slos.getByText('99.9%')).toBeInTheDocument();
    expect(slos.getByText('43.2 min / 30d')).toBeInTheDocument();

    expect(
      screen.getByRole('link', { name: /PagerDuty: PABC123/ }),
    ).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/service-directory/PABC123',
    );
    expect(
      screen.getByRole('link', { name: /^Checkout runbook/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Reviewed 1 Mar 2026 (266 days ago)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Stale')).toBeInTheDocument();

    const gaps = within(screen.getByRole('list', { name: 'What is missing' }));
    expect(gaps.getAllByRole('listitem')).toHaveLength(4);
    expect(
      gaps.getByText(
        'Run a restore or failover test that meets the RTO/RPO and attest it again.',
      ),
    ).toBeInTheDocument();
    // the optional incident drill is not a gap
    expect(gaps.queryByText('Incident drill')).not.toBeInTheDocument();

    const problems = within(screen.getByRole('region', { name: 'Problems' }));
    expect(
      problems.getByText(
        'How to fix: Write the target as a ratio, e.g. 0.999, or use targetPercent: 99.9.',
      ),
    ).toBeInTheDocument();
  });

  it('links to the Reliability tab of the entity', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    await renderForEntity(<EntityReliabilityCard />, {
      entity: checkoutEntity,
      api,
    });
    expect(
      await screen.findByRole('link', { name: /Reliability details/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/reliability',
    );
  });

  it('links to the tab where the app mounted it', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    await renderForEntity(<EntityReliabilityCard tabPath="slo" />, {
      entity: checkoutEntity,
      api,
    });
    expect(
      await screen.findByRole('link', { name: /Reliability details/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/slo');
  });

  it('lists blocking gaps first, unknown ones included', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier2UnreachableSloReport);
    await renderForEntity(<EntityReliabilityCard />, {
      entity: paymentsApiEntity,
      api,
    });
    const gaps = within(
      await screen.findByRole('list', { name: 'What is missing' }),
    );
    const items = gaps.getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(items[0]).toHaveTextContent('SLO defined');
    expect(within(items[0]).getByLabelText(/^Unknown: /)).toBeInTheDocument();
  });

  it('refreshes the report and reloads it', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValueOnce(tier1CheckoutReport);
    api.getReport.mockResolvedValueOnce({
      ...tier1CheckoutReport,
      readiness: { ...tier1CheckoutReport.readiness!, score: 79 },
    });
    api.refresh.mockResolvedValue(tier1CheckoutReport);
    await renderForEntity(<EntityReliabilityCard />, {
      entity: checkoutEntity,
      api,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /Refresh/ }),
    );

    expect(api.refresh).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(
      await screen.findByLabelText('Readiness score 79 of 100'),
    ).toBeInTheDocument();
    expect(api.getReport).toHaveBeenCalledTimes(2);
  });

  it('reports a failed refresh as an alert', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    api.refresh.mockRejectedValue(new Error('403 Forbidden'));
    const { alertApi } = await renderForEntity(<EntityReliabilityCard />, {
      entity: checkoutEntity,
      api,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Refresh/ }),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith({
        message:
          'Could not refresh the reliability report: Error: 403 Forbidden',
        severity: 'error',
      }),
    );
  });

  it('disables refresh without the permission', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    // usePermission caches decisions per resource across renders, so use an entity of its own
    await renderForEntity(<EntityReliabilityCard />, {
      entity: {
        ...checkoutEntity,
        metadata: { ...checkoutEntity.metadata, name: 'checkout-denied' },
      },
      api,
      permission: mockApis.permission({ authorize: AuthorizeResult.DENY }),
    });
    await screen.findByText('Tier 1');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Refresh/ })).toBeDisabled(),
    );
    expect(screen.getByRole('button', { name: /Refresh/ })).toHaveAttribute(
      'title',
      'You may not refresh this report',
    );
  });
});
