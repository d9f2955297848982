import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { tier1CheckoutReport } from '../../__fixtures__/reports';
import { SloTable } from './SloTable';

describe('SloTable', () => {
  it('shows each SLO with SLI kind, target as %, window and error budget', async () => {
    await renderInTestApp(<SloTable slos={tier1CheckoutReport.slos} />);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    const availability = within(rows[1]);
    expect(availability.getByText('checkout-availability')).toBeInTheDocument();
    expect(availability.getByText('availability')).toBeInTheDocument();
    expect(availability.getByText('99.9%')).toBeInTheDocument();
    expect(availability.getByText('30d')).toBeInTheDocument();
    expect(availability.getByText('43.2 min / 30d')).toBeInTheDocument();
    expect(availability.getByText('Burn-rate alerts')).toBeInTheDocument();
    expect(availability.getByText('OpenSLO')).toBeInTheDocument();

    const latency = within(rows[2]);
    expect(latency.getByText('99%')).toBeInTheDocument();
    expect(latency.getByText('6.72 h / 28d')).toBeInTheDocument();
    expect(latency.getByText('None')).toBeInTheDocument();
    expect(latency.getByText('Sloth')).toBeInTheDocument();
  });

  it('names the Pyrra and Nobl9 sources', async () => {
    const [slo] = tier1CheckoutReport.slos;
    await renderInTestApp(
      <SloTable
        slos={[
          { ...slo, name: 'from-pyrra', source: 'pyrra' },
          { ...slo, name: 'from-nobl9', source: 'nobl9' },
        ]}
      />,
    );
    const rows = screen.getAllByRole('row');
    expect(within(rows[1]).getByText('Pyrra')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Nobl9')).toBeInTheDocument();
  });

  it('drops the alerting and source columns when compact', async () => {
    await renderInTestApp(<SloTable slos={tier1CheckoutReport.slos} compact />);
    expect(screen.getByText('43.2 min / 30d')).toBeInTheDocument();
    expect(screen.queryByText('Source')).not.toBeInTheDocument();
  });

  it('explains how to add SLOs when there are none', async () => {
    await renderInTestApp(<SloTable slos={[]} />);
    expect(screen.getByText(/No valid SLO/)).toBeInTheDocument();
    expect(screen.getByText('reliability/slo-ref')).toBeInTheDocument();
  });
});
