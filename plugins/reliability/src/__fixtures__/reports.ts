import type {
  CheckResult,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';

/** The moment the fixtures were evaluated; tests pin luxon's clock here. */
export const FIXTURE_NOW = '2026-11-22T10:00:00Z';

function check(
  fields: Pick<CheckResult, 'id' | 'title' | 'area' | 'state'> &
    Partial<CheckResult>,
): CheckResult {
  return {
    kind: 'automatic',
    required: true,
    blocking: false,
    message: '',
    howToFix: '',
    ...fields,
  };
}

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
    checks: [
      check({
        id: 'owner',
        title: 'Owned by a team',
        area: 'Ownership',
        state: 'pass',
        blocking: true,
        message: 'Owned by group:default/team-payments',
      }),
      check({
        id: 'tier',
        title: 'Tier assigned',
        area: 'Ownership',
        state: 'pass',
        blocking: true,
        message: 'Tier 1',
      }),
      check({
        id: 'slo-defined',
        title: 'SLO defined',
        area: 'Observability',
        state: 'pass',
        blocking: true,
        message: '2 valid SLOs',
      }),
      check({
        id: 'slo-alerting',
        title: 'SLO burn-rate alerting',
        area: 'Observability',
        state: 'fail',
        message: 'checkout-latency has no burn-rate alerting',
        howToFix:
          'Add `alerting` to the Sloth SLO checkout-latency (page_alert and ticket_alert).',
        rationale:
          'Reliability is paged on error-budget burn, not on raw symptoms.',
      }),
      check({
        id: 'oncall',
        title: 'On-call rotation',
        area: 'Operations',
        state: 'pass',
        blocking: true,
        message: 'PagerDuty service PABC123',
      }),
      check({
        id: 'runbook',
        title: 'Runbook linked',
        area: 'Operations',
        state: 'pass',
        blocking: true,
        message: '1 runbook',
      }),
      check({
        id: 'runbook-fresh',
        title: 'Runbooks reviewed recently',
        area: 'Operations',
        state: 'fail',
        message: 'Runbooks last reviewed 2026-03-01, 266 days ago (limit 180)',
        howToFix:
          'Review the runbooks and set `reliability/runbooks-reviewed` to today’s date.',
      }),
      check({
        id: 'dashboard',
        title: 'Dashboard linked',
        area: 'Observability',
        state: 'pass',
        message: '1 dashboard',
      }),
      check({
        id: 'docs',
        title: 'Documentation',
        area: 'Operations',
        state: 'pass',
        message: 'TechDocs present',
      }),
      check({
        id: 'dependencies-tiered',
        title: 'Dependencies as critical',
        area: 'Resilience',
        state: 'not-applicable',
        message: 'No dependencies declared',
      }),
      check({
        id: 'rollback-plan',
        title: 'Rollback plan',
        area: 'Resilience',
        kind: 'attested',
        state: 'pass',
        blocking: true,
        message: 'Attested by user:default/jane.doe until 2027-06-01',
        attestation: {
          id: 'att-1',
          evidenceUrl: 'https://wiki.acme.io/checkout/rollback',
          comment: 'Rolled back release 4.2 in staging in 3 minutes',
          attestedBy: 'user:default/jane.doe',
          attestedAt: '2026-06-01T09:00:00Z',
          expiresAt: '2027-06-01T09:00:00Z',
        },
      }),
      check({
        id: 'load-test',
        title: 'Load test',
        area: 'Capacity',
        kind: 'attested',
        state: 'waived',
        underlyingState: 'fail',
        message: 'Waived until 2027-01-15',
        waiver: {
          id: 'w-1',
          justification:
            'Load test environment is rebuilt in Q4; peak traffic covered by autoscaling',
          requestedBy: 'user:default/jane.doe',
          decidedBy: 'user:default/sre.lead',
          expiresAt: '2027-01-15T00:00:00Z',
        },
      }),
      check({
        id: 'capacity-review',
        title: 'Capacity review',
        area: 'Capacity',
        kind: 'attested',
        state: 'fail',
        message: 'No valid attestation',
        howToFix:
          'Review capacity and headroom (20–30% at peak) and attest it with the evidence link.',
        rationale: 'Launches and peaks need headroom.',
      }),
      check({
        id: 'security-review',
        title: 'Security review',
        area: 'Security',
        kind: 'attested',
        state: 'pass',
        message: 'Attested until 2027-02-10',
      }),
      check({
        id: 'dr-test',
        title: 'Disaster-recovery test',
        area: 'Resilience',
        kind: 'attested',
        state: 'fail',
        message: 'Attestation expired on 2026-10-01',
        howToFix:
          'Run a restore or failover test that meets the RTO/RPO and attest it again.',
      }),
      check({
        id: 'incident-drill',
        title: 'Incident drill',
        area: 'Operations',
        kind: 'attested',
        state: 'fail',
        required: false,
        message: 'No valid attestation',
        howToFix: 'Run a game day that exercises the runbooks and attest it.',
      }),
    ],
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
    checks: [
      check({
        id: 'owner',
        title: 'Owned by a team',
        area: 'Ownership',
        state: 'warn',
        blocking: true,
        message: 'Owned by user:default/bob, a person rather than a team',
        howToFix: 'Set spec.owner to the group that runs the service.',
      }),
      check({
        id: 'tier',
        title: 'Tier assigned',
        area: 'Ownership',
        state: 'pass',
        message: 'Tier 2',
      }),
      check({
        id: 'slo-defined',
        title: 'SLO defined',
        area: 'Observability',
        state: 'unknown',
        message: 'The SLO file could not be read',
        howToFix:
          'Check that reliability/slo-ref points to a file the catalog can read.',
      }),
      check({
        id: 'oncall',
        title: 'On-call rotation',
        area: 'Operations',
        state: 'pass',
        blocking: true,
        message: 'Rotation #payments-oncall on Slack',
      }),
      check({
        id: 'runbook',
        title: 'Runbook linked',
        area: 'Operations',
        state: 'fail',
        message: 'No link of type runbook',
        howToFix: 'Add a link with `type: runbook` to metadata.links.',
      }),
      check({
        id: 'dashboard',
        title: 'Dashboard linked',
        area: 'Observability',
        state: 'fail',
        message: 'No link of type dashboard',
        howToFix: 'Add a link with `type: dashboard` to metadata.links.',
      }),
      check({
        id: 'rollback-plan',
        title: 'Rollback plan',
        area: 'Resilience',
        kind: 'attested',
        state: 'fail',
        message: 'No valid attestation',
        howToFix: 'Document the rollback plan, exercise it, and attest it.',
      }),
    ],
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
