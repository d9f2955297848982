import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  tier1CheckoutReport,
  tier2UnreachableSloReport,
} from '../../__fixtures__/reports';
import { MaturityLadder } from './MaturityLadder';

describe('MaturityLadder', () => {
  it('shows four levels with the current and expected ones marked', async () => {
    await renderInTestApp(
      <MaturityLadder
        maturity={tier1CheckoutReport.maturity!}
        checks={tier1CheckoutReport.readiness!.checks}
      />,
    );
    expect(
      screen.getByText(
        'Level 2 — Standardized, expected level 3 for its tier (below expectation)',
      ),
    ).toBeInTheDocument();
    for (const name of [
      '1. Foundational',
      '2. Standardized',
      '3. Managed',
      '4. Optimized',
    ]) {
      expect(screen.getByText(name)).toBeInTheDocument();
    }
    expect(
      within(screen.getByTestId('maturity-level-2')).getByText('Current'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('maturity-level-3')).getByText('Expected'),
    ).toBeInTheDocument();
  });

  it('lists the missing checks of the next level with their state and fix', async () => {
    await renderInTestApp(
      <MaturityLadder
        maturity={tier1CheckoutReport.maturity!}
        checks={tier1CheckoutReport.readiness!.checks}
      />,
    );
    expect(
      screen.getByText('To reach level 3 (Managed), fix:'),
    ).toBeInTheDocument();
    const missing = within(
      screen.getByRole('list', { name: 'Checks missing for the next level' }),
    );
    expect(missing.getAllByRole('listitem')).toHaveLength(3);
    expect(missing.getByText('SLO burn-rate alerting')).toBeInTheDocument();
    expect(missing.getByText('Runbooks reviewed recently')).toBeInTheDocument();
    expect(missing.getByText('Capacity review')).toBeInTheDocument();
    expect(
      missing.getByText(
        'Review capacity and headroom (20–30% at peak) and attest it with the evidence link.',
      ),
    ).toBeInTheDocument();
    expect(missing.getAllByLabelText(/^Fail: /)).toHaveLength(3);
  });

  it('shows level 0 without a name and the first level as next', async () => {
    await renderInTestApp(
      <MaturityLadder
        maturity={tier2UnreachableSloReport.maturity!}
        checks={tier2UnreachableSloReport.readiness!.checks}
      />,
    );
    expect(
      screen.getByText(
        'Level 0, expected level 2 for its tier (below expectation)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('To reach level 1 (Foundational), fix:'),
    ).toBeInTheDocument();
    expect(screen.getByText('Runbook linked')).toBeInTheDocument();
  });

  it('says when the top of the ladder is reached', async () => {
    await renderInTestApp(
      <MaturityLadder
        maturity={{ level: 4, name: 'Optimized', expectedLevel: 4, next: null }}
        checks={[]}
      />,
    );
    expect(
      screen.getByText('Level 4 — Optimized, expected level 4 for its tier'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The top of the ladder: every maturity check is met.'),
    ).toBeInTheDocument();
  });
});
