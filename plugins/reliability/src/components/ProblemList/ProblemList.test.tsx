import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  tier2UnreachableSloReport,
  tier1CheckoutReport,
} from '../../__fixtures__/reports';
import { ProblemList, describeProblemLocation } from './ProblemList';

describe('ProblemList', () => {
  it('shows each problem with its severity, location and how to fix it', async () => {
    await renderInTestApp(
      <ProblemList problems={tier2UnreachableSloReport.problems} />,
    );
    expect(
      screen.getByText('Could not read ./slos/payments.yaml: 404 Not Found'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'How to fix: Commit the SLO file next to catalog-info.yaml or fix the path in reliability/slo-ref.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTitle('Error')).toBeInTheDocument();
    expect(screen.getByTitle('Warning')).toBeInTheDocument();
    expect(
      screen.getByText('reliability/runbooks-reviewed'),
    ).toBeInTheDocument();
  });

  it('says so when there are no problems', async () => {
    await renderInTestApp(<ProblemList problems={[]} />);
    expect(
      screen.getByText('No problems in the reliability data.'),
    ).toBeInTheDocument();
  });
});

describe('describeProblemLocation', () => {
  it('names the file, document and field path', () => {
    expect(describeProblemLocation(tier1CheckoutReport.problems[0])).toBe(
      './slos/checkout.yaml, document 2, spec.objectives[0].target',
    );
  });

  it('is undefined when the problem has no location', () => {
    expect(
      describeProblemLocation({ severity: 'warning', message: 'x' }),
    ).toBeUndefined();
  });
});
