import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import { tier1CheckoutChecks, tier2PaymentsChecks } from './checks';

/** The moment the fixtures were evaluated; tests pin luxon's clock here. */
export const FIXTURE_NOW = '2026-11-22T10:00:00Z';

/**
 * A tier-1 checkout service as the backend reports it: two SLOs (one without alerting), PagerDuty
 * on-call, a runbook reviewed 266 days before FIXTURE_NOW (stale), a waived load test, an invalid
 * third SLO document, and a gate that warns.
 */
export const tier1CheckoutReport: ReliabilityReport = {
  entityRef: 'component:default/checkout',
  inScope: true,
  tier: {
    level: 1,
    name: 'Tier 1',
    description:
      'Business critical: customer-facing or with contractual SLAs. Availability SLO of 99.5–99.9%, paging acknowledged within 10 minutes.',
  },
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
      description: 'Checkout requests that do not fail with a 5xx',
      budgetingMethod: 'Occurrences',
      rolling: true,
      document: 0,
    },
    {
      name: 'checkout-latency',
      sli: 'latency',
      target: 0.99,
      window: '28d',
      windowMinutes: 40320,
      errorBudget: 0.01,
      allowedBadMinutes: 403.2,
      hasAlerting: false,
      source: 'sloth',
      document: 1,
    },
  ],
  oncall: {
    provider: 'pagerduty',
    reference: 'PABC123',
    annotation: 'pagerduty.com/service-id',
    url: 'https://acme.pagerduty.com/service-directory/PABC123',
  },
  runbooks: [
    { title: 'Checkout runbook', url: 'https://runbooks.acme.io/checkout' },
  ],
  dashboards: [
    {
      title: 'Checkout golden signals',
      url: 'https://grafana.acme.io/d/checkout',
    },
  ],
  runbooksReviewed: '2026-03-01',
  readiness: {
    score: 71,
    verdict: 'not-ready',
    checks: tier1CheckoutChecks,
  },
  maturity: {
    level: 2,
    name: 'Standardized',
    expectedLevel: 3,
    next: {
      level: 3,
      name: 'Managed',
      missing: ['slo-alerting', 'runbook-fresh', 'capacity-review'],
    },
  },
  gate: {
    decision: 'warn',
    reasons: [
      'Verdict is not-ready: slo-alerting, runbook-fresh, capacity-review and dr-test are fail',
    ],
    enforced: true,
  },
  problems: [
    {
      severity: 'error',
      message: 'SLO document 2 has a target of 1.2, outside (0,1)',
      field: 'reliability/slo-ref',
      file: './slos/checkout.yaml',
      document: 2,
      path: 'spec.objectives[0].target',
      howToFix:
        'Write the target as a ratio, e.g. 0.999, or use targetPercent: 99.9.',
    },
  ],
  evaluatedAt: FIXTURE_NOW,
};

/**
 * A tier-2 service whose SLO file could not be fetched (checks depending on it are unknown) and
 * which is owned by a person rather than a team (warn).
 */
export const tier2UnreachableSloReport: ReliabilityReport = {
  entityRef: 'component:default/payments-api',
  inScope: true,
  tier: { level: 2, name: 'Tier 2' },
  slos: [],
  oncall: {
    provider: 'other',
    reference: '#payments-oncall on Slack',
    annotation: 'reliability/oncall-rotation',
  },
  runbooks: [],
  dashboards: [],
  runbooksReviewed: null,
  readiness: {
    score: 43,
    verdict: 'not-ready',
    checks: tier2PaymentsChecks,
  },
  maturity: {
    level: 0,
    name: 'None',
    expectedLevel: 2,
    next: {
      level: 1,
      name: 'Foundational',
      missing: ['runbook'],
    },
  },
  gate: {
    decision: 'warn',
    reasons: [
      'Verdict is not-ready: slo-defined is unknown; runbook, dashboard, rollback-plan are fail',
    ],
    enforced: false,
  },
  problems: [
    {
      severity: 'error',
      message: 'Could not read ./slos/payments.yaml: 404 Not Found',
      field: 'reliability/slo-ref',
      file: './slos/payments.yaml',
      howToFix:
        'Commit the SLO file next to catalog-info.yaml or fix the path in reliability/slo-ref.',
    },
    {
      severity: 'warning',
      message: 'reliability/runbooks-reviewed is not set',
      field: 'reliability/runbooks-reviewed',
    },
  ],
  evaluatedAt: FIXTURE_NOW,
};

/** A library: outside the default scope, so the backend computes no readiness or maturity. */
export const outOfScopeLibraryReport: ReliabilityReport = {
  entityRef: 'component:default/money-lib',
  inScope: false,
  tier: null,
  slos: [],
  oncall: null,
  runbooks: [],
  dashboards: [],
  runbooksReviewed: null,
  readiness: null,
  maturity: null,
  gate: null,
  problems: [],
  evaluatedAt: FIXTURE_NOW,
};
