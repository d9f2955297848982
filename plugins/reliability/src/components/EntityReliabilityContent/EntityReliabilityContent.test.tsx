import { screen, within } from '@testing-library/react';
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
import { EntityReliabilityContent } from './EntityReliabilityContent';

describe('EntityReliabilityContent', () => {
  const realNow = Settings.now;
  beforeEach(() => {
    Settings.now = () => Date.parse(FIXTURE_NOW);
  });
  afterEach(() => {
    Settings.now = realNow;
  });

  it('shows every section of a full tier-1 report', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    await renderForEntity(<EntityReliabilityContent />, {
      entity: checkoutEntity,
      api,
    });

    expect(await screen.findByText('Readiness checklist')).toBeInTheDocument();
    expect(
      screen.getByLabelText(/^Tier 1: Business critical/),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Readiness score 71 of 100'),
    ).toBeInTheDocument();

    // checklist grouped by area, all sixteen checks
    for (const area of [
      'Ownership',
      'Observability',
      'Operations',
      'Resilience',
      'Capacity',
      'Security',
    ]) {
      expect(screen.getByRole('region', { name: area })).toBeInTheDocument();
    }
    expect(screen.getAllByTestId(/^check-/)).toHaveLength(16);
    expect(screen.getByTestId('waiver-load-test')).toBeInTheDocument();
    expect(screen.getByTestId('attestation-rollback-plan')).toBeInTheDocument();

    // gate
    expect(screen.getByLabelText('Gate decision: Warn')).toBeInTheDocument();

    // maturity ladder with the next level's missing checks
    const missing = within(
      screen.getByRole('list', { name: 'Checks missing for the next level' }),
    );
    expect(missing.getAllByRole('listitem')).toHaveLength(3);

    // SLOs with all columns
    const sloTable = within(
      screen.getByRole('table', { name: 'Service level objectives' }),
    );
    expect(sloTable.getByText('43.2 min / 30d')).toBeInTheDocument();
    expect(sloTable.getByText('6.72 h / 28d')).toBeInTheDocument();

    // operations with dashboards
    expect(
      screen.getByRole('link', { name: /PagerDuty: PABC123/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Checkout golden signals/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('Stale')).toBeInTheDocument();

    // problems
    expect(
      screen.getByText('SLO document 2 has a target of 1.2, outside (0,1)'),
    ).toBeInTheDocument();
  });

  it('shows unknown and warn states of a report with an unreachable SLO file', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier2UnreachableSloReport);
    await renderForEntity(<EntityReliabilityContent />, {
      entity: paymentsApiEntity,
      api,
    });

    const slo = within(await screen.findByTestId('check-slo-defined'));
    expect(slo.getByLabelText(/^Unknown: /)).toBeInTheDocument();
    const owner = within(screen.getByTestId('check-owner'));
    expect(owner.getByLabelText(/^Warn: /)).toBeInTheDocument();
    expect(screen.getByText(/^Advisory for this tier/)).toBeInTheDocument();
    expect(
      screen.getByText('Could not read ./slos/payments.yaml: 404 Not Found'),
    ).toBeInTheDocument();
  });

  it('refreshes the report and reloads it', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValueOnce(tier2UnreachableSloReport);
    api.getReport.mockResolvedValueOnce({
      ...tier2UnreachableSloReport,
      gate: { decision: 'allow', reasons: [], enforced: false },
    });
    api.refresh.mockResolvedValue(tier2UnreachableSloReport);
    await renderForEntity(<EntityReliabilityContent />, {
      entity: paymentsApiEntity,
      api,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /Refresh/ }),
    );

    expect(
      await screen.findByLabelText('Gate decision: Allow'),
    ).toBeInTheDocument();
    expect(api.refresh).toHaveBeenCalledTimes(1);
  });
});
