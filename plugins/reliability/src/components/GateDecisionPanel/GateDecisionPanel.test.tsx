import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { tier1CheckoutReport } from '../../__fixtures__/reports';
import { GateDecisionPanel } from './GateDecisionPanel';

describe('GateDecisionPanel', () => {
  it('shows the decision, whether it is enforced, and the reasons', async () => {
    await renderInTestApp(
      <GateDecisionPanel gate={tier1CheckoutReport.gate!} />,
    );
    expect(screen.getByLabelText('Gate decision: Warn')).toBeInTheDocument();
    expect(screen.getByText(/^Enforced for this tier/)).toBeInTheDocument();
    const reasons = within(screen.getByRole('list', { name: 'Gate reasons' }));
    expect(
      reasons.getByText(
        'Verdict is not-ready: slo-alerting, runbook-fresh, capacity-review and dr-test are fail',
      ),
    ).toBeInTheDocument();
  });

  it('shows a blocking, advisory and an allowing gate', async () => {
    await renderInTestApp(
      <>
        <GateDecisionPanel
          gate={{
            decision: 'block',
            reasons: ['oncall is fail'],
            enforced: true,
          }}
        />
        <GateDecisionPanel
          gate={{ decision: 'allow', reasons: [], enforced: false }}
        />
      </>,
    );
    expect(screen.getByLabelText('Gate decision: Block')).toBeInTheDocument();
    expect(screen.getByText('oncall is fail')).toBeInTheDocument();
    expect(screen.getByLabelText('Gate decision: Allow')).toBeInTheDocument();
    expect(screen.getByText(/^Advisory for this tier/)).toBeInTheDocument();
    expect(
      screen.getByText('Every check the gate looks at passes.'),
    ).toBeInTheDocument();
  });
});
