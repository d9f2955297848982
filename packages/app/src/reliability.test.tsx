import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  reliabilityApiRef,
  type ReliabilityApi,
  type ReliabilityReport,
} from '@reliability-suite/plugin-reliability';
import reliabilityPlugin from '@reliability-suite/plugin-reliability/alpha';
import { screen } from '@testing-library/react';

function component(name: string, type: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type,
      lifecycle: 'production',
      owner: 'group:default/team-payments',
    },
  };
}

const report: ReliabilityReport = {
  entityRef: 'component:default/checkout',
  inScope: true,
  tier: { level: 1, name: 'Tier 1' },
  slos: [
    {
      name: 'checkout-availability',
      sli: 'availability',
      target: 0.999,
      window: '30d',
      windowMinutes: 43200,
      errorBudget: 0.001,
      allowedBadMinutes: 43.2,
      hasAlerting: true,
      source: 'openslo',
      document: 0,
    },
  ],
  oncall: {
    provider: 'pagerduty',
    reference: 'PABC123',
    annotation: 'pagerduty.com/service-id',
  },
  runbooks: [
    { title: 'Checkout runbook', url: 'https://runbooks.example.com/checkout' },
  ],
  dashboards: [],
  runbooksReviewed: null,
  readiness: {
    score: 100,
    verdict: 'ready',
    checks: [
      {
        id: 'owner',
        title: 'Owned by a team',
        area: 'Ownership',
        kind: 'automatic',
        state: 'pass',
        required: true,
        blocking: true,
        message: 'Owned by group:default/team-payments',
        howToFix: '',
      },
    ],
  },
  maturity: {
    level: 1,
    name: 'Foundational',
    expectedLevel: 3,
    next: { level: 2, name: 'Standardized', missing: [] },
  },
  gate: { decision: 'allow', reasons: [], enforced: true },
  problems: [],
  evaluatedAt: '2026-11-22T10:00:00Z',
};

function renderEntityPage(path: string) {
  // The entity views only read the report; other API methods stay unimplemented on purpose.
  const reliabilityApi: Partial<ReliabilityApi> = {
    getReport: jest.fn(async () => report),
  };
  renderTestApp({
    features: [catalogPlugin, reliabilityPlugin],
    apis: [
      catalogApiMock({
        entities: [
          component('checkout', 'service'),
          component('money-lib', 'library'),
        ],
      }),
      mockApis.permission(),
      [reliabilityApiRef, reliabilityApi],
    ],
    initialRouteEntries: [path],
  });
  return reliabilityApi;
}

function tabLinkHrefs() {
  return screen
    .queryAllByRole('link', { name: 'Reliability' })
    .map(link => link.getAttribute('href'));
}

// Rendering the whole catalog entity page takes several seconds on a busy machine.
jest.setTimeout(60_000);

describe('reliability in the app', () => {
  it('is discovered through app.packages: all (a frontend plugin with an ./alpha export)', () => {
    const appPackage = JSON.parse(
      readFileSync(resolve(__dirname, '../package.json'), 'utf8'),
    );
    expect(appPackage.dependencies).toHaveProperty([
      '@reliability-suite/plugin-reliability',
    ]);
    const pluginPackage = require('@reliability-suite/plugin-reliability/package.json');
    expect(pluginPackage.backstage.role).toBe('frontend-plugin');
    expect(pluginPackage.exports).toHaveProperty(['./alpha']);
    expect(reliabilityPlugin.$$type).toBe('@backstage/FrontendPlugin');
  });

  it('shows the reliability card on the overview of a service', async () => {
    const api = renderEntityPage('/catalog/default/component/checkout');
    expect(
      await screen.findByText('43.2 min / 30d', undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    // The sidebar also has a "Reliability" link (the /reliability page): look for the tab's.
    expect(tabLinkHrefs()).toContain(
      '/catalog/default/component/checkout/reliability',
    );
    expect(api.getReport).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('serves the Reliability tab of a service', async () => {
    renderEntityPage('/catalog/default/component/checkout/reliability');
    expect(
      await screen.findByText('Readiness checklist', undefined, {
        timeout: 20_000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Gate decision: Allow')).toBeInTheDocument();
  });

  it('shows neither card nor tab on a library', async () => {
    const api = renderEntityPage('/catalog/default/component/money-lib');
    expect(
      await screen.findByRole(
        'link',
        { name: 'Overview' },
        { timeout: 20_000 },
      ),
    ).toHaveAttribute('href', '/catalog/default/component/money-lib');
    expect(tabLinkHrefs()).not.toContain(
      '/catalog/default/component/money-lib/reliability',
    );
    expect(tabLinkHrefs()).toEqual(['/reliability']);
    expect(api.getReport).not.toHaveBeenCalled();
  });
});
