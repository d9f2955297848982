import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { tier1CheckoutReport } from '../../__fixtures__/reports';
import { ReliabilitySummary } from './ReliabilitySummary';

describe('ReliabilitySummary', () => {
  it('shows tier and its demands, score, verdict and maturity against expectation', async () => {
    await renderInTestApp(<ReliabilitySummary report={tier1CheckoutReport} />);
    expect(screen.getByText('Tier 1')).toBeInTheDocument();
    expect(
      screen.getByText(/^Business critical: customer-facing/),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Readiness score 71 of 100'),
    ).toBeInTheDocument();
    expect(screen.getByText('71')).toBeInTheDocument();
    expect(screen.getByLabelText('Verdict: Not ready')).toBeInTheDocument();
    expect(screen.getByText('Level 2')).toBeInTheDocument();
    expect(screen.getByText('Standardized')).toBeInTheDocument();
    expect(
      screen.getByText('Expected for its tier: level 3'),
    ).toBeInTheDocument();
  });

  it('explains a missing tier and a met expectation', async () => {
    await renderInTestApp(
      <ReliabilitySummary
        report={{
          ...tier1CheckoutReport,
          tier: null,
          maturity: {
            level: 1,
            name: 'Foundational',
            expectedLevel: null,
            next: null,
          },
        }}
      />,
    );
    expect(screen.getByText('Untiered')).toBeInTheDocument();
    expect(screen.getByText(/Set reliability\/tier/)).toBeInTheDocument();
    expect(
      screen.getByText('No expected level without a tier'),
    ).toBeInTheDocument();
  });

  it('says when the expected level is met', async () => {
    await renderInTestApp(
      <ReliabilitySummary
        report={{
          ...tier1CheckoutReport,
          maturity: { level: 3, name: 'Managed', expectedLevel: 3, next: null },
        }}
      />,
    );
    expect(
      screen.getByText('Expected for its tier: level 3 (met)'),
    ).toBeInTheDocument();
  });
});
