import type { CheckResult } from '@reliability-suite/plugin-reliability-common';

/** A check result with the defaults most checks share: automatic, required, not blocking. */
export function check(
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

/** The sixteen checks of the tier-1 checkout service (see `tier1CheckoutReport`). */
export const tier1CheckoutChecks: CheckResult[] = [
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
];

/** The tier-2 checks of payments-api, whose SLO file could not be read. */
export const tier2PaymentsChecks: CheckResult[] = [
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
];
