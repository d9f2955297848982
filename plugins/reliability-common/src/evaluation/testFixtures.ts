import type { OnCallLive } from '../oncall/types';
import type { Entity } from '@backstage/catalog-model';
import { defaultPolicy } from '../policy/defaultPolicy';
import type { CheckDefinition, ReliabilityPolicy } from '../policy/types';
import type {
  Attestation,
  CheckResult,
  EntityProfile,
  NormalizedSlo,
  SloLoadResult,
  Waiver,
} from '../types';
import type { CheckContext, EvaluationInput } from './types';

/** Builders for evaluation tests: a fully ready tier-0 service, and pieces to break it with. */

export const NOW = new Date('2026-11-22T10:00:00Z');

export const daysFromNow = (days: number) =>
  new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000).toISOString();

export function makeEntity(
  options: {
    kind?: string;
    type?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: options.kind ?? 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: options.annotations ?? {},
    },
    spec: {
      type: options.type ?? 'service',
      lifecycle: 'production',
      owner: 'group:default/payments',
    },
  };
}

export function makeSlo(
  name: string,
  overrides: Partial<NormalizedSlo> = {},
): NormalizedSlo {
  return {
    name,
    sli: 'availability',
    target: 0.999,
    window: '28d',
    windowMinutes: 40320,
    errorBudget: 0.001,
    allowedBadMinutes: 40.32,
    hasAlerting: true,
    source: 'openslo',
    document: 0,
    ...overrides,
  };
}

export function loadedSlos(slos: NormalizedSlo[]): SloLoadResult {
  return {
    status: 'loaded',
    location: 'file:/catalog/slos/checkout.yaml',
    slos,
    problems: [],
  };
}

export function makeAttestation(
  checkId: string,
  overrides: Partial<Attestation> = {},
): Attestation {
  return {
    id: `att-${checkId}`,
    entityRef: 'component:default/checkout',
    checkId,
    evidenceUrl: `https://wiki.example.com/${checkId}`,
    comment: 'Done',
    attestedBy: 'user:default/jane',
    attestedAt: daysFromNow(-10),
    expiresAt: daysFromNow(355),
    version: 1,
    ...overrides,
  };
}

export function makeWaiver(
  checkId: string,
  overrides: Partial<Waiver> = {},
): Waiver {
  return {
    id: `waiver-${checkId}`,
    entityRef: 'component:default/checkout',
    checkId,
    justification: 'Migration to the new cluster first',
    requestedBy: 'user:default/jane',
    requestedAt: daysFromNow(-5),
    expiresAt: daysFromNow(30),
    status: 'approved',
    decidedBy: 'user:default/sre-lead',
    decidedAt: daysFromNow(-4),
    version: 2,
    ...overrides,
  };
}

const ATTESTED_IDS = defaultPolicy.checks
  .filter(check => check.kind === 'attested')
  .map(check => check.id);

/** Tier-0 service meeting every default check. */
export function readyInput(
  overrides: Partial<EvaluationInput> = {},
): EvaluationInput {
  const profile: EntityProfile = {
    tier: { level: 0, name: 'Tier 0' },
    oncall: {
      provider: 'pagerduty',
      reference: 'PABC123',
      annotation: 'pagerduty.com/service-id',
    },
    runbooks: [{ title: 'Checkout runbook', url: 'https://runbooks/checkout' }],
    dashboards: [{ title: 'Checkout', url: 'https://grafana/checkout' }],
    runbooksReviewed: '2026-10-01',
    hasDocs: true,
    sloRef: './slos/checkout.yaml',
    problems: [],
  };
  return {
    entity: makeEntity({
      annotations: {
        'reliability/tier': '0',
        'reliability/slo-ref': './slos/checkout.yaml',
        'pagerduty.com/service-id': 'PABC123',
        'reliability/runbooks-reviewed': '2026-10-01',
        'backstage.io/techdocs-ref': 'dir:.',
      },
    }),
    profile,
    slos: loadedSlos([makeSlo('checkout-availability')]),
    owner: { ref: 'group:default/payments', kind: 'Group' },
    dependencies: [
      { ref: 'component:default/payments-api', tier: 0, found: true },
    ],
    attestations: ATTESTED_IDS.map(id => makeAttestation(id)),
    waivers: [],
    sloStatuses: new Map([
      [
        'checkout-availability',
        {
          state: 'ok',
          sli: 0.9995,
          errorBudgetRemaining: 0.5,
          burnRates: { '1h': 0.5 },
          alerts: [],
          reason: null,
          measuredAt: NOW.toISOString(),
        },
      ],
    ]),
    oncallLive: healthyOnCall(),
    now: NOW,
    ...overrides,
  };
}

/** Live on-call data that passes every on-call check: two levels, two people, no gaps. */
export function healthyOnCall(overrides: Partial<OnCallLive> = {}): OnCallLive {
  const until = new Date(NOW.getTime() + 3 * 86_400_000).toISOString();
  return {
    state: 'ok',
    fetchedAt: NOW.toISOString(),
    levels: [
      {
        level: 1,
        onCall: [{ ref: 'user:default/ada', name: 'Ada', until }],
      },
      {
        level: 2,
        onCall: [{ ref: 'user:default/grace', name: 'Grace', until: null }],
      },
    ],
    nextHandoff: until,
    gapsNext14Days: [],
    peopleNext14Days: 2,
    reason: null,
    provider: 'pagerduty',
    target: { exists: true, enabled: true, name: 'Checkout' },
    ...overrides,
  };
}

export function withProfile(
  input: EvaluationInput,
  profile: Partial<EntityProfile>,
): EvaluationInput {
  return { ...input, profile: { ...input.profile, ...profile } };
}

export function checkContext(
  checkId: string,
  input: EvaluationInput,
  policy: ReliabilityPolicy = defaultPolicy,
): CheckContext {
  const definition = policy.checks.find(
    check => check.id === checkId,
  ) as CheckDefinition;
  const level = input.profile.tier?.level;
  return {
    input,
    policy,
    definition,
    tierLevel: policy.tiers.some(tier => tier.level === level)
      ? (level as number)
      : null,
  };
}

export function makeCheckResult(
  id: string,
  state: CheckResult['state'],
  overrides: Partial<CheckResult> = {},
): CheckResult {
  return {
    id,
    state,
    required: true,
    blocking: false,
    message: `${id} is ${state}`,
    howToFix: `Fix ${id}`,
    title: id,
    area: 'Test',
    kind: 'automatic',
    ...overrides,
  };
}
