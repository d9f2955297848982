import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { entityItem } from '../../__testUtils__/coverageFixtures';
import { useCoverageView } from '../ReliabilityPage';
import { EntityTable } from './EntityTable';

function Table() {
  return <EntityTable view={useCoverageView()} />;
}

describe('EntityTable', () => {
  it('pages forward and back one page at a time with the backend cursors', async () => {
    const api = mockReliabilityApi();
    api.listCoverageEntities.mockImplementation(async ({ cursor }) =>
      cursor === 'page-2'
        ? { items: [entityItem('zeta')], nextCursor: null, totalCount: null }
        : {
            items: [entityItem('alpha'), entityItem('beta')],
            nextCursor: 'page-2',
            totalCount: 3,
          },
    );
    await renderCoverage(<Table />, { api, path: '/reliability?tier=1' });

    expect(await screen.findByText('alpha')).toBeInTheDocument();
    expect(screen.getByText('1–2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('zeta')).toBeInTheDocument();
    expect(screen.queryByText('alpha')).not.toBeInTheDocument();
    expect(screen.getByText('26–26 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(api.listCoverageEntities).toHaveBeenLastCalledWith({
      filter: { tier: [1] },
      sort: 'name',
      order: 'asc',
      limit: 25,
      cursor: 'page-2',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('alpha')).toBeInTheDocument();
    for (const [request] of api.listCoverageEntities.mock.calls) {
      expect(request.limit).toBe(25);
    }
  });

  it('sorts through the URL, toggling the direction, and starts again at page one', async () => {
    const api = mockReliabilityApi();
    api.listCoverageEntities.mockResolvedValue({
      items: [entityItem('alpha', { verdict: 'ready', hasWaiver: true })],
      nextCursor: null,
      totalCount: 1,
    });
    await renderCoverage(<Table />, { api });
    await screen.findByText('alpha');

    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/reliability?sort=score',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/reliability?sort=score&order=desc',
      ),
    );
    await waitFor(() =>
      expect(api.listCoverageEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({
          sort: 'score',
          order: 'desc',
          cursor: undefined,
        }),
      ),
    );
    expect(screen.getByLabelText('Verdict: Ready')).toBeInTheDocument();
    expect(screen.getByTitle('SLO: yes')).toBeInTheDocument();
    expect(screen.getByTitle('Runbook: no')).toBeInTheDocument();
  });

  it('says when nothing matches', async () => {
    const api = mockReliabilityApi();
    api.listCoverageEntities.mockResolvedValue({
      items: [],
      nextCursor: null,
      totalCount: 0,
    });
    await renderCoverage(<Table />, { api });
    expect(
      await screen.findByText('No in-scope entities match these filters.'),
    ).toBeInTheDocument();
  });
});
