import { ResponseError } from '@backstage/errors';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { checkoutEntity, libraryEntity } from '../../__fixtures__/entities';
import { outOfScopeLibraryReport } from '../../__fixtures__/reports';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { EntityReliabilityCard } from '../EntityReliabilityCard';
import { EntityReliabilityContent } from './EntityReliabilityContent';

// The card and the tab load their report through WithReliabilityReport: both must show the
// same loading, error and empty states.
describe.each<[string, () => ReactElement]>([
  ['EntityReliabilityCard', () => <EntityReliabilityCard />],
  ['EntityReliabilityContent', () => <EntityReliabilityContent />],
])('%s report states', (_name, element) => {
  it('shows a progress bar while the report loads', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockReturnValue(new Promise(() => {}));
    await renderForEntity(element(), { entity: checkoutEntity, api });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error and its message in a ResponseErrorPanel', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'Error', message: 'database unavailable' },
            request: { method: 'GET', url: '/report' },
            response: { statusCode: 500 },
          }),
          {
            status: 500,
            statusText: 'Internal Server Error',
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      ),
    );
    await renderForEntity(element(), { entity: checkoutEntity, api });
    expect(
      await screen.findByText(
        'Error: Request failed with 500 Internal Server Error',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database unavailable/).length).toBeGreaterThan(
      0,
    );
  });

  it('shows an empty state naming reliability/tier for an entity out of scope', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(outOfScopeLibraryReport);
    await renderForEntity(element(), { entity: libraryEntity, api });
    expect(
      await screen.findByText('Not covered by the reliability policy'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('reliability/tier').length).toBeGreaterThan(0);
    expect(screen.queryByText('Readiness checklist')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Refresh/ }),
    ).not.toBeInTheDocument();
  });

  it('shows an empty state when the backend has no report yet', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response('not found', { status: 404 }),
      ),
    );
    await renderForEntity(element(), { entity: checkoutEntity, api });
    expect(
      await screen.findByText('No reliability data yet'),
    ).toBeInTheDocument();
  });
});
