import { DEFAULT_CHECK_IDS, defaultChecks } from './defaultChecks';
import { deepFreeze } from './deepFreeze';
import type { ReliabilityPolicy } from './types';

const TIER_3_REQUIRED = ['owner', 'tier', 'runbook'];

/**
 * The suite's default policy: exactly the common README's "Policy and scoring". Frozen, because it is shared by
 * every caller; `parsePolicyConfig` returns fresh copies that may be changed.
 */
export const defaultPolicy: ReliabilityPolicy = deepFreeze({
  tiers: [
    {
      level: 0,
      name: 'Tier 0',
      description:
        'Mission critical: customer-facing on a critical journey (login, checkout, payments, identity, data planes). Availability SLO of 99.9–99.99%, paging acknowledged within 5 minutes, full runbook coverage, yearly DR test, monthly SLO review; the readiness gate is enforced.',
      // "all sixteen", and the live on-call checks
      required: [...DEFAULT_CHECK_IDS],
      blocking: [
        'owner',
        'tier',
        'slo-defined',
        'slo-alerting',
        'oncall',
        'runbook',
        'rollback-plan',
        'dr-test',
        'error-budget',
      ],
      enforced: true,
      expectedLevel: 4,
    },
    {
      level: 1,
      name: 'Tier 1',
      description:
        'Business critical: customer-facing or with contractual SLAs. Availability SLO of 99.5–99.9%, paging acknowledged within 10 minutes, runbooks covering 90% of failures reviewed every 6 months, yearly DR test, monthly SLO review; the readiness gate is enforced.',
      // "all but incident-drill", with the live on-call checks
      required: DEFAULT_CHECK_IDS.filter(id => id !== 'incident-drill'),
      blocking: [
        'owner',
        'tier',
        'slo-defined',
        'oncall',
        'runbook',
        'rollback-plan',
        'error-budget',
      ],
      enforced: true,
      expectedLevel: 3,
    },
    {
      level: 2,
      name: 'Tier 2',
      description:
        'Important: internal or degradable. A tiered SLO, on-call during business hours, runbooks for the top failures, quarterly SLO review; the readiness gate is advisory.',
      required: [
        'owner',
        'tier',
        'slo-defined',
        'oncall',
        'runbook',
        'dashboard',
        'rollback-plan',
        'oncall-verified',
      ],
      blocking: ['owner', 'oncall'],
      enforced: false,
      expectedLevel: 2,
    },
    {
      level: 3,
      name: 'Tier 3',
      description:
        'Best effort: tools and non-critical services. Best-effort SLO, no paging, a basic runbook, quarterly SLO review; the readiness gate is advisory.',
      required: [...TIER_3_REQUIRED],
      blocking: ['owner'],
      enforced: false,
      expectedLevel: 1,
    },
  ],
  untiered: {
    required: [...TIER_3_REQUIRED],
    blocking: ['owner', 'tier'],
    enforced: false,
  },
  checks: defaultChecks,
  maturityLevels: [
    {
      level: 1,
      name: 'Foundational',
      checks: ['owner', 'tier', 'oncall', 'runbook'],
    },
    {
      level: 2,
      name: 'Standardized',
      checks: ['slo-defined', 'dashboard', 'docs', 'rollback-plan'],
    },
    {
      level: 3,
      name: 'Managed',
      checks: [
        'slo-alerting',
        'runbook-fresh',
        'load-test',
        'capacity-review',
        'security-review',
        'slo-measured',
      ],
    },
    {
      level: 4,
      name: 'Optimized',
      checks: ['dr-test', 'incident-drill', 'dependencies-tiered'],
    },
  ],
  scope: { kinds: ['Component'], types: ['service', 'website'] },
  coverageLifecycles: ['production'],
  runbookFreshness: { warnAfterDays: 150, failAfterDays: 180 },
  waivers: { maxDays: 180, approverGroups: {} },
});
