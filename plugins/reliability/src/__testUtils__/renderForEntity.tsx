import type { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { reliabilityApiRef, type ReliabilityApi } from '../api';
import { fixturePresentationApi } from './presentation';

export function mockReliabilityApi(): jest.Mocked<ReliabilityApi> {
  return {
    getReport: jest.fn(),
    getGate: jest.fn(),
    getSloHistory: jest.fn(),
    getSloStatusOverview: jest.fn(),
    refresh: jest.fn(),
    getReviewState: jest.fn(),
    attest: jest.fn(),
    revokeAttestation: jest.fn(),
    requestWaiver: jest.fn(),
    decideWaiver: jest.fn(),
    requestReview: jest.fn(),
    decideReview: jest.fn(),
    getLatestReview: jest.fn(),
    getReviewHistory: jest.fn(),
    getCoverage: jest.fn(),
    getCoverageTargets: jest.fn(),
    getInbox: jest.fn(),
    getCoverageHistory: jest.fn(),
    getCoverageMovers: jest.fn(),
    getCoverageHeatmap: jest.fn(),
    listCoverageEntities: jest.fn(),
    downloadCoverageCsv: jest.fn(),
  };
}

/** Renders an entity view in a test app with a mocked reliability API, permissions and alerts. */
export async function renderForEntity(
  element: ReactElement,
  options: {
    entity: Entity;
    api: ReliabilityApi;
    permission?: ReturnType<typeof mockApis.permission>;
  },
): Promise<RenderResult & { alertApi: { post: jest.Mock } }> {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, options.api],
        [permissionApiRef, options.permission ?? mockApis.permission()],
        [alertApiRef, alertApi],
        [entityPresentationApiRef, fixturePresentationApi],
      ]}
    >
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { ...rendered, alertApi };
}
