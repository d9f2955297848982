import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';

export const CHECKOUT_SLOS = (target = 0.999) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: checkout-availability-sli
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{job="checkout"}[5m]))
  objectives:
    - displayName: availability
      target: ${target}
  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: checkout-fast-burn
      spec:
        alertWhenBreaching: true
        conditions:
          - kind: AlertCondition
            metadata:
              name: fast-burn
            spec:
              severity: page
              condition:
                kind: burnrate
                op: gte
                threshold: 14.4
                lookbackWindow: 1h
                alertAfter: 5m
`;

/** A temporary catalog folder with a real SLO file, and entities pointing into it. */
export async function createCatalogFixture() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-catalog-'));
  await fs.mkdir(path.join(dir, 'slos'));
  const sloFile = path.join(dir, 'slos', 'checkout.yaml');
  await fs.writeFile(sloFile, CHECKOUT_SLOS());
  const location = `file:${path.join(dir, 'catalog-info.yaml')}`;

  const component = (
    name: string,
    spec: Record<string, unknown>,
    annotations: Record<string, string> = {},
    links: Entity['metadata']['links'] = [],
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': location,
        ...annotations,
      },
      links,
    },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  });

  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    component(
      'checkout',
      { owner: 'team-a', dependsOn: ['component:default/payments-db'] },
      {
        'reliability/tier': '1',
        'reliability/slo-ref': './slos/checkout.yaml',
        'pagerduty.com/service-id': 'PCHECK1',
        'backstage.io/techdocs-ref': 'dir:.',
        'reliability/runbooks-reviewed': new Date(Date.now() - 10 * 86400000)
          .toISOString()
          .slice(0, 10),
      },
      [
        {
          url: 'https://runbooks.example.com/checkout',
          title: 'Checkout runbook',
          type: 'runbook',
        },
        {
          url: 'https://grafana.example.com/d/checkout',
          title: 'Checkout dashboard',
          type: 'dashboard',
        },
      ],
    ),
    component('payments-db', { owner: 'team-a' }, { 'reliability/tier': '0' }),
    component(
      'search',
      { owner: 'team-a' },
      { 'reliability/tier': '2', 'opsgenie.com/team': 'search' },
    ),
    component('newsletter', { owner: 'team-a' }, { 'reliability/tier': '3' }, [
      { url: 'https://runbooks.example.com/newsletter', type: 'runbook' },
    ]),
    component('ui-kit', { owner: 'team-a', type: 'library' }),
  ];

  return {
    dir,
    sloFile,
    entities,
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
