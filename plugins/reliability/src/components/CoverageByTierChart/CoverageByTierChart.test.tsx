import { fireEvent, screen, within } from '@testing-library/react';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { coverageRow } from '../../__testUtils__/coverageFixtures';
import { useCoverageView } from '../ReliabilityPage';
import { CoverageByTierChart } from './CoverageByTierChart';

function Chart() {
  const view = useCoverageView();
  return <CoverageByTierChart filter={view.filter} linkTo={view.linkTo} />;
}

describe('CoverageByTierChart', () => {
  it('links every number to the entities behind it, keeping the page filters', async () => {
    const api = mockReliabilityApi();
    api.getCoverage.mockResolvedValue({
      asOf: '2026-11-22T10:00:00Z',
      rows: [coverageRow('1', { total: 12, withSlo: 9 }), coverageRow('none')],
    });
    await renderCoverage(<Chart />, {
      api,
      path: '/reliability?owner=group:default/team-a&lifecycle=*',
    });
    const table = await screen.findByRole('table', {
      name: 'Coverage by tier',
    });
    expect(api.getCoverage).toHaveBeenCalledWith('tier', {
      owner: 'group:default/team-a',
      lifecycle: ['*'],
    });
    expect(within(table).getByRole('link', { name: '12' })).toHaveAttribute(
      'href',
      '/reliability?lifecycle=*&tier=1&owner=group%3Adefault%2Fteam-a',
    );
    expect(
      within(table).getByRole('link', { name: 'Tier 1: 9 With SLO' }),
    ).toHaveAttribute(
      'href',
      '/reliability?lifecycle=*&tier=1&owner=group%3Adefault%2Fteam-a&stage=withSlo',
    );
    expect(within(table).getByText('(75%)')).toBeInTheDocument();
    expect(
      within(table).getByRole('link', { name: 'Untiered: 1 Waived' }),
    ).toHaveAttribute(
      'href',
      '/reliability?lifecycle=*&tier=none&owner=group%3Adefault%2Fteam-a&stage=waived',
    );
  });

  it('switches to coverage by system and by team, linking each row to its entities', async () => {
    const api = mockReliabilityApi();
    api.getCoverage.mockImplementation(async groupBy => ({
      asOf: '2026-11-22T10:00:00Z',
      rows:
        groupBy === 'system'
          ? [
              coverageRow('system:default/checkout', { total: 4, withSlo: 3 }),
              coverageRow('none', { total: 2 }),
            ]
          : [coverageRow(groupBy === 'owner' ? 'group:default/team-a' : '1')],
    }));
    await renderCoverage(<Chart />, { api, path: '/reliability?tier=1' });
    await screen.findByRole('table', { name: 'Coverage by tier' });

    fireEvent.click(screen.getByRole('button', { name: 'By system' }));
    const table = await screen.findByRole('table', {
      name: 'Coverage by system',
    });
    expect(api.getCoverage).toHaveBeenLastCalledWith('system', { tier: [1] });
    expect(screen.getByRole('button', { name: 'By system' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      within(table).getByRole('columnheader', { name: 'System' }),
    ).toBeInTheDocument();
    expect(within(table).getByText('No system')).toBeInTheDocument();
    expect(
      within(table).getByRole('link', { name: 'checkout: 3 With SLO' }),
    ).toHaveAttribute(
      'href',
      '/reliability?tier=1&system=system%3Adefault%2Fcheckout&stage=withSlo',
    );
    expect(within(table).getByRole('link', { name: '2' })).toHaveAttribute(
      'href',
      '/reliability?tier=1&system=none',
    );

    fireEvent.click(screen.getByRole('button', { name: 'By team' }));
    const teams = await screen.findByRole('table', {
      name: 'Coverage by team',
    });
    expect(api.getCoverage).toHaveBeenLastCalledWith('owner', { tier: [1] });
    expect(
      within(teams).getByRole('link', { name: 'team-a: 4 Ready' }),
    ).toHaveAttribute(
      'href',
      '/reliability?tier=1&owner=group%3Adefault%2Fteam-a&stage=ready',
    );
  });

  it('says when nothing is in scope', async () => {
    const api = mockReliabilityApi();
    api.getCoverage.mockResolvedValue({
      asOf: '2026-11-22T10:00:00Z',
      rows: [],
    });
    await renderCoverage(<Chart />, { api });
    expect(
      await screen.findByText('No in-scope entities match these filters.'),
    ).toBeInTheDocument();
  });
});
