import type { CheckDefinition } from './types';

/**
 * The ids of the default checks, in policy order: the sixteen declared-metadata checks, then
 * the live SLO status checks and the live on-call checks.
 */
export const DEFAULT_CHECK_IDS = [
  'owner',
  'tier',
  'slo-defined',
  'slo-alerting',
  'oncall',
  'runbook',
  'runbook-fresh',
  'dashboard',
  'docs',
  'dependencies-tiered',
  'rollback-plan',
  'load-test',
  'capacity-review',
  'security-review',
  'dr-test',
  'incident-drill',
  // Live SLO status (Prometheus); not-applicable while reliability.prometheus is unset.
  'slo-measured',
  'error-budget',
  'oncall-verified',
  'oncall-depth',
  'oncall-gaps',
] as const;

export type DefaultCheckId = (typeof DEFAULT_CHECK_IDS)[number];

/** The automatic checks whose evaluation is built into the suite. */
export const BUILT_IN_AUTOMATIC_CHECK_IDS: readonly DefaultCheckId[] = [
  'owner',
  'tier',
  'slo-defined',
  'slo-alerting',
  'oncall',
  'runbook',
  'runbook-fresh',
  'dashboard',
  'docs',
  'dependencies-tiered',
  'slo-measured',
  'error-budget',
  'oncall-verified',
  'oncall-depth',
  'oncall-gaps',
];

export const defaultChecks: CheckDefinition[] = [
  {
    id: 'owner',
    title: 'Owned by a team',
    area: 'Ownership',
    kind: 'automatic',
    rationale:
      'Incidents need an accountable team; ambiguous ownership is the most common reason an incident stalls.',
    howToFix:
      'Set `spec.owner` in catalog-info.yaml to a Group that exists in the catalog, e.g. `owner: group:default/payments`.',
  },
  {
    id: 'tier',
    title: 'Tier assigned',
    area: 'Ownership',
    kind: 'automatic',
    rationale:
      'Rigor must match criticality; without a tier nothing can be prioritised and no requirements apply.',
    howToFix:
      'Add `reliability/tier: "1"` (one of "0" to "3"; 0 is the most critical) to metadata.annotations in catalog-info.yaml, agreed between engineering and product.',
  },
  {
    id: 'slo-defined',
    title: 'SLO defined',
    area: 'Observability',
    kind: 'automatic',
    rationale:
      'Reliability is measured against user-facing targets; without an SLO there is no shared definition of "reliable enough".',
    howToFix:
      'Write an OpenSLO (`apiVersion: openslo/v1`) or Sloth (`version: prometheus/v1`) file next to catalog-info.yaml and add `reliability/slo-ref: ./slos/<name>.yaml` to metadata.annotations.',
  },
  {
    id: 'slo-alerting',
    title: 'SLO burn-rate alerting',
    area: 'Observability',
    kind: 'automatic',
    rationale:
      'Teams should be paged on error-budget burn, not on raw symptoms: multi-window burn-rate alerts catch real user impact early with few false pages.',
    howToFix:
      'Define burn-rate alerting for every SLO: an `alerting` block (page_alert/ticket_alert) in Sloth, or `alertPolicies` (or `alertPolicyRef`) on each OpenSLO SLO.',
  },
  {
    id: 'oncall',
    title: 'On-call rotation',
    area: 'Operations',
    kind: 'automatic',
    rationale:
      "Someone must be reachable within the tier's acknowledge target when the service breaks.",
    howToFix:
      'Add an on-call annotation to metadata.annotations: `pagerduty.com/service-id`, `opsgenie.com/team`, `splunk.com/on-call-team`, or `reliability/oncall-rotation` with the rotation name or URL.',
  },
  {
    id: 'runbook',
    title: 'Runbook linked',
    area: 'Operations',
    kind: 'automatic',
    rationale:
      'Responders act faster with written procedures that someone who did not write them can follow during an incident.',
    howToFix:
      'Add a link with `type: runbook` to metadata.links in catalog-info.yaml, e.g. `- { url: https://…, title: Checkout runbook, type: runbook }`.',
  },
  {
    id: 'runbook-fresh',
    title: 'Runbooks reviewed recently',
    area: 'Operations',
    kind: 'automatic',
    rationale:
      'Stale runbooks mislead responders; procedures must be reviewed at least every six months to stay current.',
    howToFix:
      'Review the runbooks, then set `reliability/runbooks-reviewed: "YYYY-MM-DD"` (the review date) in metadata.annotations.',
  },
  {
    id: 'dashboard',
    title: 'Dashboard linked',
    area: 'Observability',
    kind: 'automatic',
    rationale:
      'The golden signals (latency, traffic, errors, saturation) belong in one place responders can open immediately.',
    howToFix:
      'Add a link with `type: dashboard` to metadata.links in catalog-info.yaml, pointing at the service dashboard.',
  },
  {
    id: 'docs',
    title: 'Documentation',
    area: 'Operations',
    kind: 'automatic',
    rationale:
      'Operability knowledge (architecture, failure modes, dependencies) should live next to the code, where it is kept up to date.',
    howToFix:
      'Set up TechDocs: add `backstage.io/techdocs-ref: dir:.` to metadata.annotations and an mkdocs.yml with a docs/ folder.',
  },
  {
    id: 'dependencies-tiered',
    title: 'Dependencies as critical',
    area: 'Resilience',
    kind: 'automatic',
    rationale:
      'A service is only as reliable as its least reliable critical dependency; depending on a less critical or untiered service is a hidden risk (tier inversion).',
    howToFix:
      'Give every `spec.dependsOn` target a tier at least as critical as this one (an equal or lower number), or remove or replace the dependency.',
  },
  {
    id: 'rollback-plan',
    title: 'Rollback plan',
    area: 'Resilience',
    kind: 'attested',
    validityDays: 365,
    rationale:
      'The fastest mitigation for a bad change is undoing it; a rollback that was never exercised may not work when it is needed.',
    howToFix:
      'Document how to roll back a release (and data migrations), exercise it, then attest with a link to the plan and the exercise.',
  },
  {
    id: 'load-test',
    title: 'Load test',
    area: 'Capacity',
    kind: 'attested',
    validityDays: 365,
    rationale:
      'Launches and peaks need headroom; only a load or performance test shows where the service breaks.',
    howToFix:
      'Run a load/performance test at expected peak plus 20–30% headroom, review the results, then attest with a link to the report.',
  },
  {
    id: 'capacity-review',
    title: 'Capacity review',
    area: 'Capacity',
    kind: 'attested',
    validityDays: 180,
    rationale:
      'Traffic grows and peaks come; capacity and headroom (20–30% at peak) must be signed off regularly.',
    howToFix:
      'Review current utilisation, growth and peak forecasts with the team, agree the headroom, then attest with a link to the review.',
  },
  {
    id: 'security-review',
    title: 'Security review',
    area: 'Security',
    kind: 'attested',
    validityDays: 365,
    rationale:
      'Leaked secrets, excessive access and unpatched dependencies cause outages as well as breaches; critical patches belong within 14–30 days.',
    howToFix:
      'Review secrets handling, least-privilege access and patch hygiene, then attest with a link to the review or its ticket.',
  },
  {
    id: 'dr-test',
    title: 'Disaster-recovery test',
    area: 'Resilience',
    kind: 'attested',
    validityDays: 365,
    rationale:
      'Restore and failover must be proven against the RTO/RPO, at least yearly for critical tiers; an untested backup is not a backup.',
    howToFix:
      'Run a restore or failover test, compare the measured recovery time and data loss with the RTO/RPO, then attest with a link to the results.',
  },
  {
    id: 'incident-drill',
    title: 'Incident drill',
    area: 'Operations',
    kind: 'attested',
    validityDays: 365,
    rationale:
      'Game days and tabletop exercises keep runbooks and people ready for the real incident.',
    howToFix:
      'Hold a game day or on-call drill that exercises the runbooks, record what was learnt, then attest with a link to the write-up.',
  },
  {
    id: 'slo-measured',
    title: 'SLOs measured',
    area: 'SLOs',
    kind: 'automatic',
    rationale:
      'An SLO nobody measures is a wish: only a connected data source shows whether the objective holds and how much budget is left.',
    howToFix:
      'Give every SLO a Prometheus query (Sloth `events`/`raw`, or an OpenSLO `ratioMetric` with `metricSource.type: Prometheus`), make sure the metrics have samples, and point `reliability/prometheus-instance` at the instance that holds them if it is not the default.',
  },
  {
    id: 'error-budget',
    title: 'Error budget left',
    area: 'SLOs',
    kind: 'automatic',
    rationale:
      'An exhausted error budget means users already got less reliability than promised; an error-budget policy pauses risky releases until reliability work restores it.',
    howToFix:
      'Spend the next changes on reliability (fix the failure, roll back, add capacity) until the budget recovers, or record an approved waiver when leadership decides to release anyway.',
  },
  {
    id: 'oncall-verified',
    title: 'On-call target exists',
    area: 'Operations',
    kind: 'automatic',
    rationale:
      'An on-call key that points at a deleted or disabled service, team or schedule pages nobody; the annotation alone proves nothing.',
    howToFix:
      'Point the on-call annotation at a service, team or schedule that exists and is enabled at the provider (or a rotation in reliability.oncall.rotations).',
  },
  {
    id: 'oncall-depth',
    title: 'On-call escalation depth',
    area: 'Operations',
    kind: 'automatic',
    rationale:
      'A page nobody acknowledges must reach someone else: a second escalation level and at least two people sharing the rotation keep one person from being the single point of failure.',
    howToFix:
      'Add a second escalation level (another schedule or rotation in the escalation policy, or `escalation:` on the rotation) and at least two people to the rotation.',
  },
  {
    id: 'oncall-gaps',
    title: 'On-call coverage',
    area: 'Operations',
    kind: 'automatic',
    rationale:
      'Incidents do not wait for the schedule: any uncovered hour in the next two weeks (a weekend, a holiday, a handoff that does not line up) is an hour in which nobody is paged.',
    howToFix:
      'Fill the uncovered stretches in the schedule (an override, another layer or a follow-the-sun rotation) so someone is on call at every moment.',
  },
];
