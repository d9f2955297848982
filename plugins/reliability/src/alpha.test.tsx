import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { mockApis } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import reliabilityPlugin from './alpha';
import { reliabilityApiRef } from './api';
import { checkoutEntity, libraryEntity } from './__fixtures__/entities';
import { tier1CheckoutReport } from './__fixtures__/reports';
import { mockReliabilityApi } from './__testUtils__/renderForEntity';

describe('reliability plugin (new frontend system)', () => {
  it('provides the API, the entity card and the entity content', () => {
    expect(reliabilityPlugin.id).toBe('reliability');
    expect(() =>
      reliabilityPlugin.getExtension('api:reliability'),
    ).not.toThrow();
    expect(() =>
      reliabilityPlugin.getExtension('entity-card:reliability/reliability'),
    ).not.toThrow();
    expect(() =>
      reliabilityPlugin.getExtension('entity-content:reliability/reliability'),
    ).not.toThrow();
  });

  it('shows the card only on in-scope entities, in the content area', () => {
    const tester = createExtensionTester(
      reliabilityPlugin.getExtension('entity-card:reliability/reliability'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(checkoutEntity)).toBe(true);
    expect(filter(libraryEntity)).toBe(false);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
  });

  it('adds a Reliability tab at /reliability on in-scope entities', () => {
    const tester = createExtensionTester(
      reliabilityPlugin.getExtension('entity-content:reliability/reliability'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/reliability');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Reliability',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(checkoutEntity)).toBe(true);
    expect(filter({ ...checkoutEntity, kind: 'API' })).toBe(false);
  });

  it('lets app-config widen the filter and move the tab, as the README shows', () => {
    const filter = {
      kind: 'component',
      'spec.type': { $in: ['service', 'website', 'database'] },
    };
    const database = {
      ...checkoutEntity,
      spec: { ...checkoutEntity.spec, type: 'database' },
    };
    const content = createExtensionTester(
      reliabilityPlugin.getExtension('entity-content:reliability/reliability'),
      { config: { path: '/slo', filter } },
    );
    expect(content.get(coreExtensionData.routePath)).toBe('/slo');
    const contentFilter = content.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    expect(contentFilter(database)).toBe(true);
    expect(contentFilter(libraryEntity)).toBe(false);

    const card = createExtensionTester(
      reliabilityPlugin.getExtension('entity-card:reliability/reliability'),
      { config: { filter } },
    );
    const cardFilter = card.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(cardFilter(database)).toBe(true);
    expect(cardFilter(libraryEntity)).toBe(false);
  });

  it('renders the card element with the report of the entity', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    const tester = createExtensionTester(
      reliabilityPlugin.getExtension('entity-card:reliability/reliability'),
    );
    await renderInTestApp(
      <EntityProvider entity={checkoutEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [reliabilityApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    // the lazy loader and the first render of the app can take more than the default second
    expect(
      await screen.findByText('43.2 min / 30d', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('renders the tab element with the checklist', async () => {
    const api = mockReliabilityApi();
    api.getReport.mockResolvedValue(tier1CheckoutReport);
    const tester = createExtensionTester(
      reliabilityPlugin.getExtension('entity-content:reliability/reliability'),
    );
    await renderInTestApp(
      <EntityProvider entity={checkoutEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [reliabilityApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ],
      },
    );
    expect(
      await screen.findByText('Readiness checklist', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
  });
});
