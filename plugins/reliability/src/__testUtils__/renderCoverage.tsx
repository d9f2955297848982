import { alertApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { useLocation } from 'react-router-dom';
import { reliabilityApiRef, type ReliabilityApi } from '../api';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one (it then renders at
// zero size, which is all a DOM test can see of a chart anyway).
if (!('ResizeObserver' in globalThis)) {
  (globalThis as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** Shows the current URL, so tests can see where a link or filter led. */
export function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location">{`${location.pathname}${location.search}`}</output>
  );
}

/** Renders a coverage view at `path` with a mocked reliability API and alerts. */
export async function renderCoverage(
  element: ReactElement,
  options: { api: ReliabilityApi; path?: string },
): Promise<RenderResult & { alertApi: { post: jest.Mock } }> {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, options.api],
        [alertApiRef, alertApi],
      ]}
    >
      {element}
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [options.path ?? '/reliability'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { ...rendered, alertApi };
}
