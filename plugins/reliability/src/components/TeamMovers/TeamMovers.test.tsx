import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { TeamMovers } from './TeamMovers';

const movement = (owner: string, from: number, to: number) => ({
  owner,
  from,
  to,
  delta: to - from,
  totalFrom: 10,
  totalTo: 10,
});

describe('TeamMovers', () => {
  it('lists the most improved and regressed teams per period, linking to them', async () => {
    const api = mockReliabilityApi();
    api.getCoverageMovers.mockResolvedValue({
      measure: 'withSlo',
      windows: [
        {
          days: 30,
          fromDay: '2026-10-23',
          toDay: '2026-11-22',
          mostImproved: [movement('group:default/payments', 0.2, 0.5)],
          mostRegressed: [],
        },
        {
          days: 90,
          fromDay: null,
          toDay: '2026-11-22',
          mostImproved: [],
          mostRegressed: [],
        },
      ],
    });
    await renderCoverage(
      <TeamMovers
        filter={{}}
        linkTo={changes => `/reliability?owner=${changes.owner}`}
      />,
      { api },
    );
    expect(
      await screen.findByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/reliability?owner=group:default/payments');
    expect(screen.getByText('20% → 50% (+30 points)')).toBeInTheDocument();
    expect(screen.getByText('No team regressed.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: '90 days' }));
    expect(screen.getByText(/Not enough history yet/)).toBeInTheDocument();
  });
});
