import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { coverageRow, entityItem } from '../../__testUtils__/coverageFixtures';
import { ReliabilityPage } from './ReliabilityPage';

function pageApi() {
  const api = mockReliabilityApi();
  api.getCoverage.mockResolvedValue({
    rows: [coverageRow('0', { total: 4 }), coverageRow('1', { withSlo: 5 })],
    asOf: '2026-11-22T10:00:00.000Z',
  });
  api.getCoverageTargets.mockResolvedValue({
    targets: [],
    asOf: '2026-11-22T10:00:00.000Z',
  });
  api.getCoverageHistory.mockResolvedValue({
    groupBy: 'tier',
    from: '2026-08-25',
    to: '2026-11-22',
    series: [],
  });
  api.getCoverageMovers.mockResolvedValue({ measure: 'withSlo', windows: [] });
  api.getCoverageHeatmap.mockResolvedValue({ checkIds: [], rows: [] });
  api.getSloStatusOverview.mockResolvedValue({
    measured: false,
    counts: {},
    burning: [],
  });
  api.listCoverageEntities.mockResolvedValue({
    items: [entityItem('checkout'), entityItem('payments')],
    nextCursor: null,
    totalCount: 2,
  });
  api.downloadCoverageCsv.mockResolvedValue(
    new Blob(['entity_ref\r\n'], { type: 'text/csv' }),
  );
  return api;
}

// The page renders four tables and a chart; on a busy 2-core CI machine one test took
// over Jest's default 5 s (as in ReliabilityHistory's tests).
jest.setTimeout(30_000);

describe('ReliabilityPage', () => {
  it('shows one error with one Retry when the backend fails, not one per card', async () => {
    const api = pageApi();
    const failure = new Error('Request failed with 500');
    api.getCoverage.mockRejectedValueOnce(failure);
    api.getCoverageTargets.mockRejectedValueOnce(failure);
    api.getCoverageHistory.mockRejectedValueOnce(failure);
    api.getCoverageMovers.mockRejectedValueOnce(failure);
    api.getCoverageHeatmap.mockRejectedValueOnce(failure);
    api.getSloStatusOverview.mockRejectedValueOnce(failure);
    api.listCoverageEntities.mockRejectedValueOnce(failure);
    await renderCoverage(<ReliabilityPage />, { api });

    expect(
      await screen.findByText('7 parts of this page could not be loaded.'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('table', { name: 'Coverage by tier' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('checkout')).toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
  });

  it('shows coverage, the entity table and no more than one page of entities', async () => {
    const api = pageApi();
    await renderCoverage(<ReliabilityPage />, { api });

    expect(
      await screen.findByRole('heading', { name: 'Reliability' }),
    ).toBeInTheDocument();
    const tierTable = await screen.findByRole('table', {
      name: 'Coverage by tier',
    });
    expect(within(tierTable).getByText('Tier 1')).toBeInTheDocument();
    expect(await screen.findByText('checkout')).toBeInTheDocument();
    expect(api.listCoverageEntities).toHaveBeenCalledTimes(1);
    expect(api.listCoverageEntities).toHaveBeenCalledWith({
      filter: {},
      sort: 'name',
      order: 'asc',
      limit: 25,
      cursor: undefined,
    });
    expect(api.getCoverage).toHaveBeenCalledWith('tier', {});
  });

  it('filters to tier 1 through the URL and follows a number to its entities', async () => {
    const api = pageApi();
    await renderCoverage(<ReliabilityPage />, { api });
    await screen.findByRole('table', { name: 'Coverage by tier' });

    fireEvent.mouseDown(screen.getByLabelText('Tier'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Tier 1' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/reliability?tier=1',
      ),
    );
    await waitFor(() =>
      expect(api.listCoverageEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { tier: [1] } }),
      ),
    );
    expect(api.getCoverage).toHaveBeenLastCalledWith('tier', { tier: [1] });

    await userEvent.keyboard('{Escape}');
    await userEvent.click(
      await screen.findByRole('link', { name: 'Tier 1: 5 With SLO' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/reliability?tier=1&stage=withSlo',
      ),
    );
    await waitFor(() =>
      expect(api.listCoverageEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { tier: [1], stage: 'withSlo' } }),
      ),
    );
  });

  it('downloads the CSV of the filtered set', async () => {
    const api = pageApi();
    const createObjectURL = jest.fn(() => 'blob:csv');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await renderCoverage(<ReliabilityPage />, {
      api,
      path: '/reliability?tier=1&missing=withSlo&sort=score&order=desc',
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Download CSV/ }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.downloadCoverageCsv).toHaveBeenCalledWith({
      filter: { tier: [1], missing: 'withSlo' },
      sort: 'score',
      order: 'desc',
    });
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('tells the user when the CSV export fails', async () => {
    const api = pageApi();
    api.downloadCoverageCsv.mockRejectedValue(new Error('boom'));
    const { alertApi } = await renderCoverage(<ReliabilityPage />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: /Download CSV/ }),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith({
        message: 'CSV export failed: boom',
        severity: 'error',
      }),
    );
  });
});
