import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  tier1CheckoutReport,
  tier2UnreachableSloReport,
} from '../../__fixtures__/reports';
import {
  ReliabilityChecklist,
  groupChecksByArea,
} from './ReliabilityChecklist';

const checks = tier1CheckoutReport.readiness!.checks;

jest.setTimeout(30_000);

describe('ReliabilityChecklist', () => {
  it('groups checks by area with a count of passing required checks', async () => {
    await renderInTestApp(<ReliabilityChecklist checks={checks} />);
    const ownership = within(screen.getByRole('region', { name: 'Ownership' }));
    expect(
      ownership.getByText('2 of 2 required checks pass'),
    ).toBeInTheDocument();
    const capacity = within(screen.getByRole('region', { name: 'Capacity' }));
    expect(
      capacity.getByText('1 of 2 required checks pass'),
    ).toBeInTheDocument();
    // dependencies-tiered is not applicable and does not count
    const resilience = within(
      screen.getByRole('region', { name: 'Resilience' }),
    );
    expect(
      resilience.getByText('1 of 2 required checks pass'),
    ).toBeInTheDocument();
  });

  it('marks required, optional, blocking and attested checks', async () => {
    await renderInTestApp(<ReliabilityChecklist checks={checks} />);
    const rollback = within(screen.getByTestId('check-rollback-plan'));
    expect(rollback.getByText('Required')).toBeInTheDocument();
    expect(rollback.getByText('Blocking')).toBeInTheDocument();
    expect(rollback.getByText('Attested')).toBeInTheDocument();
    const drill = within(screen.getByTestId('check-incident-drill'));
    expect(drill.getByText('Optional')).toBeInTheDocument();
    expect(drill.queryByText('Blocking')).not.toBeInTheDocument();
  });

  it('shows an unmet optional check neutral and labelled optional, unlike a failing required one', async () => {
    await renderInTestApp(<ReliabilityChecklist checks={checks} />);
    const drill = within(screen.getByTestId('check-incident-drill'));
    const optionalChip = drill.getByLabelText(/^Fail \(optional\): /);
    expect(optionalChip).toHaveAttribute('data-optional', 'true');
    const alerting = within(screen.getByTestId('check-slo-alerting'));
    const requiredChip = alerting.getByLabelText(/^Fail: /);
    expect(requiredChip).not.toHaveAttribute('data-optional');
    expect(optionalChip.className).not.toBe(requiredChip.className);
  });

  it('says when an area has only optional checks instead of "0 of 0"', async () => {
    const optionalOnly = checks
      .filter(c => c.id === 'incident-drill')
      .map(c => ({ ...c, area: 'Drills' }));
    await renderInTestApp(<ReliabilityChecklist checks={optionalOnly} />);
    const drills = within(screen.getByRole('region', { name: 'Drills' }));
    expect(
      drills.getByText('Only optional checks: none counts towards the verdict'),
    ).toBeInTheDocument();
    expect(drills.queryByText(/0 of 0/)).not.toBeInTheDocument();
  });

  it('shows why a failing check matters and how to fix it', async () => {
    await renderInTestApp(<ReliabilityChecklist checks={checks} />);
    const alerting = within(screen.getByTestId('check-slo-alerting'));
    expect(alerting.getByLabelText(/^Fail: /)).toBeInTheDocument();
    expect(
      alerting.getByText('checkout-latency has no burn-rate alerting'),
    ).toBeInTheDocument();
    expect(
      alerting.getByText(
        'How to fix: Add `alerting` to the Sloth SLO checkout-latency (page_alert and ticket_alert).',
      ),
    ).toBeInTheDocument();
    expect(
      alerting.getByText(
        'Why it matters: Reliability is paged on error-budget burn, not on raw symptoms.',
      ),
    ).toBeInTheDocument();
    // passing checks carry no fix
    const owner = within(screen.getByTestId('check-owner'));
    expect(owner.queryByText(/How to fix/)).not.toBeInTheDocument();
  });

  it('shows the attestation and the waiver behind a check', async () => {
    await renderInTestApp(<ReliabilityChecklist checks={checks} />);
    const attestation = screen.getByTestId('attestation-rollback-plan');
    expect(attestation).toHaveTextContent(
      'Attested by jane.doe on 1 Jun 2026, valid until 1 Jun 2027: “Rolled back release 4.2 in staging in 3 minutes”',
    );
    expect(
      within(attestation).getByRole('link', { name: /^Evidence/ }),
    ).toHaveAttribute('href', 'https://wiki.acme.io/checkout/rollback');
    const loadTest = within(screen.getByTestId('check-load-test'));
    expect(
      loadTest.getByLabelText(
        'Waived: An approved, unexpired waiver covers this check (otherwise fail)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('waiver-load-test')).toHaveTextContent(
      'Waiver requested by jane.doe, approved by sre.lead, until 15 Jan 2027: “Load test environment is rebuilt in Q4; peak traffic covered by autoscaling”',
    );
  });

  it('renders each of the six states', async () => {
    await renderInTestApp(
      <ReliabilityChecklist
        checks={[
          ...checks,
          ...tier2UnreachableSloReport.readiness!.checks.map(c => ({
            ...c,
            id: `p-${c.id}`,
          })),
        ]}
      />,
    );
    for (const label of [
      'Pass',
      'Warn',
      'Fail',
      'Unknown',
      'Not applicable',
      'Waived',
    ]) {
      expect(
        screen.getAllByLabelText(new RegExp(`^${label}: `)).length,
      ).toBeGreaterThan(0);
    }
    const unknown = within(screen.getByTestId('check-p-slo-defined'));
    expect(
      unknown.getByText(
        'How to fix: Check that reliability/slo-ref points to a file the catalog can read.',
      ),
    ).toBeInTheDocument();
  });
});

describe('groupChecksByArea', () => {
  it('keeps the policy order of areas and checks', () => {
    expect(
      groupChecksByArea(checks).map(([area, group]) => [area, group.length]),
    ).toEqual([
      ['Ownership', 2],
      ['Observability', 3],
      ['Operations', 5],
      ['Resilience', 3],
      ['Capacity', 2],
      ['Security', 1],
    ]);
  });
});
