import type {
  CoverageRow,
  EntityListItem,
} from '@reliability-suite/plugin-reliability-common';

export function coverageRow(
  key: string,
  counters: Partial<CoverageRow> = {},
): CoverageRow {
  return {
    key,
    total: 10,
    withSlo: 5,
    withSloAlerting: 3,
    withSloDashboardRunbook: 2,
    withOncall: 8,
    withRunbook: 7,
    withDashboard: 4,
    ready: 4,
    waived: 1,
    ...counters,
  };
}

export function entityItem(
  name: string,
  overrides: Partial<EntityListItem> = {},
): EntityListItem {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    title: null,
    type: 'service',
    lifecycle: 'production',
    ownerRef: 'group:default/team-a',
    systemRef: null,
    tier: 1,
    score: 60,
    verdict: 'not-ready',
    maturityLevel: 1,
    expectedLevel: 3,
    gateDecision: 'block',
    hasSlo: true,
    hasSloAlerting: false,
    hasOncall: true,
    hasRunbook: false,
    hasDashboard: false,
    hasWaiver: false,
    evaluatedAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}
