import { screen } from '@testing-library/react';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { useCoverageView } from '../ReliabilityPage';
import { TargetList } from './TargetList';

function Targets() {
  return <TargetList linkFresh={useCoverageView().linkFresh} />;
}

const base = {
  measure: 'withSlo' as const,
  by: '2027-06-30',
  historyDays: 30,
  explanation: 'Because.',
};

describe('TargetList', () => {
  it('shows each target with its status and links its numbers', async () => {
    const api = mockReliabilityApi();
    api.getCoverageTargets.mockResolvedValue({
      asOf: '2026-11-22T10:00:00Z',
      targets: [
        {
          ...base,
          tier: 1,
          target: 0.8,
          title: 'Tier 1: With SLO >= 80% by 2027-06-30',
          status: 'on-track',
          current: 0.6,
          count: 6,
          total: 10,
          projected: 0.85,
        },
        {
          ...base,
          owner: 'group:default/payments',
          target: 0.5,
          title: 'Payments',
          status: 'met',
          current: 1,
          count: 4,
          total: 4,
          projected: 1,
        },
      ],
    });
    await renderCoverage(<Targets />, {
      api,
      path: '/reliability?lifecycle=*',
    });

    expect(
      await screen.findByText('Tier 1: With SLO >= 80% by 2027-06-30'),
    ).toBeInTheDocument();
    expect(screen.getByText('On track')).toBeInTheDocument();
    expect(screen.getByText('Met')).toBeInTheDocument();
    expect(screen.getByText(/projected 85% by 2027-06-30/)).toBeInTheDocument();
    // Target links ignore the page's current filters: the target counts the policy default.
    expect(screen.getByRole('link', { name: '6' })).toHaveAttribute(
      'href',
      '/reliability?tier=1&stage=withSlo',
    );
    expect(screen.getByRole('link', { name: '4 to go' })).toHaveAttribute(
      'href',
      '/reliability?tier=1&missing=withSlo',
    );
    expect(screen.getAllByRole('link', { name: '4' })[0]).toHaveAttribute(
      'href',
      '/reliability?owner=group%3Adefault%2Fpayments&stage=withSlo',
    );
  });

  it('says "Not enough history", never "Off track", when no trend can be projected', async () => {
    const api = mockReliabilityApi();
    api.getCoverageTargets.mockResolvedValue({
      asOf: '2026-11-22T10:00:00Z',
      targets: [
        {
          ...base,
          tier: 1,
          target: 0.8,
          title: 'Tier 1: With SLO >= 80% by 2027-06-30',
          status: 'no-trend',
          current: 0.5,
          count: 5,
          total: 10,
          projected: null,
          explanation:
            'Not met (50% of 80%) and not enough daily history to project a trend.',
        },
      ],
    });
    await renderCoverage(<Targets />, { api, path: '/reliability' });

    expect(await screen.findByText('Not enough history')).toBeInTheDocument();
    expect(screen.queryByText('Off track')).not.toBeInTheDocument();
    expect(screen.queryByText(/projected/)).not.toBeInTheDocument();
  });

  it('explains how to configure targets when there are none', async () => {
    const api = mockReliabilityApi();
    api.getCoverageTargets.mockResolvedValue({ asOf: 'x', targets: [] });
    await renderCoverage(<Targets />, { api });
    expect(
      await screen.findByText(/No targets configured/),
    ).toBeInTheDocument();
  });
});
