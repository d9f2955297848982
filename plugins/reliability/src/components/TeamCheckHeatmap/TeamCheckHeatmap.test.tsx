import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { useCoverageView } from '../ReliabilityPage';
import { heatColor, TeamCheckHeatmap } from './TeamCheckHeatmap';

function Heatmap() {
  const view = useCoverageView();
  return <TeamCheckHeatmap filter={view.filter} linkTo={view.linkTo} />;
}

describe('TeamCheckHeatmap', () => {
  it('shows failing counts per team and check, biggest teams first, each linking to its entities', async () => {
    const api = mockReliabilityApi();
    api.getCoverageHeatmap.mockResolvedValue({
      checkIds: ['owner', 'slo-defined'],
      checkTitles: { owner: 'Owned by a team', 'slo-defined': 'SLO defined' },
      rows: [
        { key: 'group:default/small', total: 2, cells: {} },
        {
          key: 'group:default/big',
          total: 10,
          cells: { 'slo-defined': { failing: 4, waived: 1 } },
        },
      ],
    });
    await renderCoverage(<Heatmap />, { api, path: '/reliability?tier=1' });

    const rows = await screen.findAllByRole('row');
    expect(rows[1]).toHaveAttribute('data-owner', 'group:default/big');
    expect(api.getCoverageHeatmap).toHaveBeenCalledWith({ tier: [1] });
    expect(
      screen.getByRole('columnheader', { name: 'SLO defined' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('columnheader', { name: 'slo-defined' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByTitle('big · SLO defined: 4 failing, 1 waived of 10'),
    ).toHaveTextContent('4 (1)');

    await userEvent.click(
      screen.getByRole('link', { name: 'big SLO defined: 4 failing' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/reliability?tier=1&owner=group%3Adefault%2Fbig&failingCheck=slo-defined',
      ),
    );
  });

  it('drills down into a team', async () => {
    const api = mockReliabilityApi();
    api.getCoverageHeatmap.mockResolvedValue({
      checkIds: ['owner'],
      rows: [{ key: 'group:default/org', total: 3, cells: {} }],
    });
    await renderCoverage(<Heatmap />, { api });
    await userEvent.click(await screen.findByRole('link', { name: 'org' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/reliability?owner=group%3Adefault%2Forg',
      ),
    );
  });

  it('colours by the failing share, none for zero', () => {
    expect(heatColor(0)).toBeUndefined();
    expect(heatColor(1)).toBe('rgba(211, 47, 47, 0.9)');
    expect(heatColor(0.5)).toBe('rgba(211, 47, 47, 0.525)');
  });
});
