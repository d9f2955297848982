import { DEFAULT_CHECK_IDS } from './defaultChecks';
import { defaultPolicy } from './defaultPolicy';
import { findCheckDefinition, getTierRequirements } from './lookup';

/** The sixteen contract checks of section 2, then the two live-status checks of section 4. */
const ALL_SIXTEEN = [
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
  'slo-measured',
  'error-budget',
];
const ONCALL_LIVE = ['oncall-verified', 'oncall-depth', 'oncall-gaps'];

describe('defaultPolicy', () => {
  it('defines the sixteen contract checks in order, then the live on-call checks, with their kinds', () => {
    expect(defaultPolicy.checks.map(c => c.id)).toEqual([
      ...ALL_SIXTEEN,
      ...ONCALL_LIVE,
    ]);
    expect([...DEFAULT_CHECK_IDS]).toEqual([...ALL_SIXTEEN, ...ONCALL_LIVE]);
    expect(
      defaultPolicy.checks.filter(c => c.kind === 'attested').map(c => c.id),
    ).toEqual([
      'rollback-plan',
      'load-test',
      'capacity-review',
      'security-review',
      'dr-test',
      'incident-drill',
    ]);
  });

  it('gives every check a title, area, rationale and concrete howToFix', () => {
    for (const check of defaultPolicy.checks) {
      expect(check.title.length).toBeGreaterThan(3);
      expect(check.area.length).toBeGreaterThan(3);
      expect(check.rationale.length).toBeGreaterThan(40);
      expect(check.howToFix.length).toBeGreaterThan(40);
    }
    expect(defaultPolicy.checks.find(c => c.id === 'tier')?.howToFix).toContain(
      'reliability/tier: "1"',
    );
  });

  it('has the contract validity days for attested checks and none for automatic ones', () => {
    const validity = Object.fromEntries(
      defaultPolicy.checks.map(c => [c.id, c.validityDays]),
    );
    expect(validity).toMatchObject({
      'rollback-plan': 365,
      'load-test': 365,
      'capacity-review': 180,
      'security-review': 365,
      'dr-test': 365,
      'incident-drill': 365,
      owner: undefined,
      'runbook-fresh': undefined,
    });
  });

  it('requires and blocks per tier exactly as the contract table', () => {
    const [t0, t1, t2, t3] = defaultPolicy.tiers;
    expect(defaultPolicy.tiers.map(t => [t.level, t.name])).toEqual([
      [0, 'Tier 0'],
      [1, 'Tier 1'],
      [2, 'Tier 2'],
      [3, 'Tier 3'],
    ]);
    expect(t0.required).toEqual([...ALL_SIXTEEN, ...ONCALL_LIVE]);
    expect(t0.blocking).toEqual([
      'owner',
      'tier',
      'slo-defined',
      'slo-alerting',
      'oncall',
      'runbook',
      'rollback-plan',
      'dr-test',
      'error-budget',
    ]);
    expect(t1.required).toEqual(
      [...ALL_SIXTEEN, ...ONCALL_LIVE].filter(id => id !== 'incident-drill'),
    );
    expect(t1.blocking).toEqual([
      'owner',
      'tier',
      'slo-defined',
      'oncall',
      'runbook',
      'rollback-plan',
      'error-budget',
    ]);
    expect(t2.required).toEqual([
      'owner',
      'tier',
      'slo-defined',
      'oncall',
      'runbook',
      'dashboard',
      'rollback-plan',
      'oncall-verified',
    ]);
    expect(t2.blocking).toEqual(['owner', 'oncall']);
    expect(t3.required).toEqual(['owner', 'tier', 'runbook']);
    expect(t3.blocking).toEqual(['owner']);
    expect(defaultPolicy.untiered).toEqual({
      required: ['owner', 'tier', 'runbook'],
      blocking: ['owner', 'tier'],
      enforced: false,
    });
  });

  it('enforces tiers 0 and 1 only and expects levels 4, 3, 2, 1', () => {
    expect(defaultPolicy.tiers.map(t => t.enforced)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(defaultPolicy.tiers.map(t => t.expectedLevel)).toEqual([4, 3, 2, 1]);
    for (const tier of defaultPolicy.tiers) {
      expect(tier.description.length).toBeGreaterThan(40);
    }
  });

  it('has the contract maturity ladder', () => {
    expect(defaultPolicy.maturityLevels).toEqual([
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
    ]);
  });

  it('has the default scope, lifecycles, freshness and waiver settings', () => {
    expect(defaultPolicy.scope).toEqual({
      kinds: ['Component'],
      types: ['service', 'website'],
    });
    expect(defaultPolicy.coverageLifecycles).toEqual(['production']);
    expect(defaultPolicy.runbookFreshness).toEqual({
      warnAfterDays: 150,
      failAfterDays: 180,
    });
    expect(defaultPolicy.waivers).toEqual({ maxDays: 180, approverGroups: {} });
  });

  it('is frozen so that no caller can change it for everyone', () => {
    expect(Object.isFrozen(defaultPolicy)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.tiers[0].required)).toBe(true);
    expect(() => {
      (defaultPolicy.tiers[0].required as string[]).push('x');
    }).toThrow();
  });
});

describe('getTierRequirements', () => {
  it('returns the tier definition for a defined level', () => {
    const requirements = getTierRequirements(defaultPolicy, 2);
    expect(requirements.tier?.name).toBe('Tier 2');
    expect(requirements.blocking).toEqual(['owner', 'oncall']);
    expect(requirements.enforced).toBe(false);
    expect(requirements.expectedLevel).toBe(2);
  });

  it.each([null, undefined, 9])(
    'falls back to the untiered requirements for %p',
    level => {
      expect(getTierRequirements(defaultPolicy, level)).toEqual({
        tier: null,
        required: ['owner', 'tier', 'runbook'],
        blocking: ['owner', 'tier'],
        enforced: false,
        expectedLevel: null,
      });
    },
  );
});

describe('findCheckDefinition', () => {
  it('finds a check by id, and nothing for an unknown id', () => {
    expect(findCheckDefinition(defaultPolicy, 'dr-test')?.validityDays).toBe(
      365,
    );
    expect(findCheckDefinition(defaultPolicy, 'nope')).toBeUndefined();
  });
});
