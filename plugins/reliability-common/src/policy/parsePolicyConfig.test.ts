import { defaultPolicy } from './defaultPolicy';
import { parsePolicyConfig } from './parsePolicyConfig';
import { PolicyConfigError } from './PolicyConfigError';

function errorOf(raw: unknown): PolicyConfigError {
  try {
    parsePolicyConfig(raw);
  } catch (error) {
    if (error instanceof PolicyConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected parsePolicyConfig to throw');
}

describe('parsePolicyConfig', () => {
  it.each([undefined, null, {}])('returns the default policy for %p', raw => {
    const policy = parsePolicyConfig(raw);
    expect(policy).toEqual(defaultPolicy);
    expect(policy).not.toBe(defaultPolicy);
    expect(Object.isFrozen(policy.tiers)).toBe(false);
  });

  it('names the config key of the first example in the brief', () => {
    const error = errorOf({
      tiers: [
        { level: 0 },
        { level: 1, required: ['owner', 'tier', 'slo-defind'] },
      ],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PolicyConfigError');
    expect(error.message).toBe(
      'Invalid reliability.policy: reliability.policy.tiers[1].required[2]: unknown check id "slo-defind"',
    );
    expect(error.issues).toEqual([
      {
        path: ['tiers', 1, 'required', 2],
        message: 'unknown check id "slo-defind"',
      },
    ]);
  });

  describe('merging onto the default', () => {
    it('keeps everything else when only tiers are set, filling tiers from defaults by level', () => {
      const policy = parsePolicyConfig({
        tiers: [
          { level: 0 },
          { level: 1 },
          {
            level: 2,
            enforced: true,
            blocking: ['owner', 'oncall', 'runbook'],
          },
        ],
      });
      expect(policy.tiers.map(t => t.level)).toEqual([0, 1, 2]);
      expect(policy.tiers[0]).toEqual(defaultPolicy.tiers[0]);
      expect(policy.tiers[2]).toEqual({
        ...defaultPolicy.tiers[2],
        enforced: true,
        blocking: ['owner', 'oncall', 'runbook'],
      });
      expect(policy.checks).toEqual(defaultPolicy.checks);
      expect(policy.maturityLevels).toEqual(defaultPolicy.maturityLevels);
      expect(policy.untiered).toEqual(defaultPolicy.untiered);
    });

    it('sorts tiers and maturity levels by level', () => {
      const policy = parsePolicyConfig({
        tiers: [{ level: 3 }, { level: 1 }, { level: 0 }, { level: 2 }],
        maturityLevels: [
          { level: 2 },
          { level: 1 },
          { level: 4 },
          { level: 3 },
        ],
      });
      expect(policy.tiers).toEqual(defaultPolicy.tiers);
      expect(policy.maturityLevels).toEqual(defaultPolicy.maturityLevels);
    });

    it('adds a tier level that has no default when every field is given', () => {
      const policy = parsePolicyConfig({
        tiers: [
          { level: 0 },
          { level: 1 },
          { level: 2 },
          { level: 3 },
          {
            level: 4,
            name: 'Tier 4',
            required: ['owner'],
            blocking: [],
            expectedLevel: 0,
          },
        ],
      });
      expect(policy.tiers[4]).toEqual({
        level: 4,
        name: 'Tier 4',
        description: '',
        required: ['owner'],
        blocking: [],
        enforced: false,
        expectedLevel: 0,
      });
    });

    it('adds custom automatic and attested checks after the defaults', () => {
      const policy = parsePolicyConfig({
        checks: [
          {
            id: 'sbom',
            title: 'SBOM published',
            kind: 'automatic',
            annotation: 'example.com/sbom',
            rationale: 'Know what ships.',
            howToFix: 'Add the example.com/sbom annotation.',
          },
          {
            id: 'chaos-test',
            title: 'Chaos test',
            area: 'Resilience',
            kind: 'attested',
            validityDays: 90,
            rationale: 'Failure injection finds weak spots.',
            howToFix: 'Run a chaos experiment and attest.',
          },
        ],
        tiers: [
          { level: 0, required: ['owner', 'sbom', 'chaos-test'] },
          { level: 1 },
          { level: 2 },
          { level: 3 },
        ],
      });
      expect(policy.checks.map(c => c.id).slice(19)).toEqual([
        'sbom',
        'chaos-test',
      ]);
      expect(policy.checks[19]).toEqual({
        id: 'sbom',
        title: 'SBOM published',
        area: 'Custom',
        kind: 'automatic',
        annotation: 'example.com/sbom',
        rationale: 'Know what ships.',
        howToFix: 'Add the example.com/sbom annotation.',
      });
      expect(policy.checks[20]).toMatchObject({
        id: 'chaos-test',
        kind: 'attested',
        validityDays: 90,
      });
      expect(policy.tiers[0].required).toEqual(['owner', 'sbom', 'chaos-test']);
    });

    it('accepts a custom automatic check without an annotation, for a backend module to evaluate', () => {
      const policy = parsePolicyConfig({
        checks: [
          {
            id: 'pager-load',
            title: 'Pager load',
            kind: 'automatic',
            rationale: 'Tired responders make mistakes.',
            howToFix: 'Reduce noisy alerts.',
          },
        ],
      });
      expect(policy.checks[19]).not.toHaveProperty('annotation');
    });

    it('overrides fields of a default check by id', () => {
      const policy = parsePolicyConfig({
        checks: [
          { id: 'capacity-review', validityDays: 90 },
          { id: 'owner', howToFix: 'Ask #platform to register your team.' },
        ],
      });
      expect(policy.checks).toHaveLength(19);
      expect(policy.checks.find(c => c.id === 'capacity-review')).toEqual({
        ...defaultPolicy.checks.find(c => c.id === 'capacity-review'),
        validityDays: 90,
      });
      expect(policy.checks.find(c => c.id === 'owner')?.howToFix).toBe(
        'Ask #platform to register your team.',
      );
    });

    it('merges objects key by key', () => {
      const policy = parsePolicyConfig({
        untiered: { enforced: true },
        scope: { types: ['service'] },
        runbookFreshness: { warnAfterDays: 60, failAfterDays: 90 },
        waivers: { approverGroups: { '0': 'sre', none: 'group:ops/Platform' } },
        coverageLifecycles: ['production', 'experimental'],
      });
      expect(policy.untiered).toEqual({
        ...defaultPolicy.untiered,
        enforced: true,
      });
      expect(policy.scope).toEqual({
        kinds: ['Component'],
        types: ['service'],
      });
      expect(policy.runbookFreshness).toEqual({
        warnAfterDays: 60,
        failAfterDays: 90,
      });
      expect(policy.waivers).toEqual({
        maxDays: 180,
        approverGroups: {
          '0': 'group:default/sre',
          none: 'group:ops/platform',
        },
      });
      expect(policy.coverageLifecycles).toEqual(['production', 'experimental']);
    });

    it('replaces the maturity ladder with the configured levels', () => {
      const policy = parsePolicyConfig({
        maturityLevels: [{ level: 1 }, { level: 2, name: 'Solid' }],
        tiers: [
          { level: 0, expectedLevel: 2 },
          { level: 1, expectedLevel: 2 },
          { level: 2 },
          { level: 3 },
        ],
      });
      expect(policy.maturityLevels.map(l => [l.level, l.name])).toEqual([
        [1, 'Foundational'],
        [2, 'Solid'],
      ]);
    });
  });

  describe('errors naming the key', () => {
    it.each<[string, unknown, string]>([
      [
        'not an object',
        'strict',
        'reliability.policy: Invalid input: expected object, received string',
      ],
      [
        'an unknown key (a typo)',
        { tiers: [{ level: 1, requried: [] }] },
        'reliability.policy.tiers[0]: Unrecognized key: "requried"',
      ],
      [
        'an unknown top-level key',
        { tier: [] },
        'reliability.policy: Unrecognized key: "tier"',
      ],
      [
        'a tier level that is no integer',
        { tiers: [{ level: 1.5 }] },
        'reliability.policy.tiers[0].level:',
      ],
      [
        'a negative tier level',
        { tiers: [{ level: -1, name: 'x' }] },
        'reliability.policy.tiers[0].level:',
      ],
      [
        'a string tier level',
        { tiers: [{ level: '1' }] },
        'reliability.policy.tiers[0].level: Invalid input: expected number',
      ],
      ['an empty tier list', { tiers: [] }, 'reliability.policy.tiers:'],
      [
        'a check id that is not kebab-case',
        { checks: [{ id: 'Chaos_Test' }] },
        'reliability.policy.checks[0].id: must be a lower-case kebab-case id',
      ],
      [
        'an unknown check kind',
        { checks: [{ id: 'x', kind: 'manual' }] },
        'reliability.policy.checks[0].kind:',
      ],
      [
        'zero validity days',
        { checks: [{ id: 'dr-test', validityDays: 0 }] },
        'reliability.policy.checks[0].validityDays:',
      ],
      [
        'an empty approver group',
        { waivers: { approverGroups: { '1': '' } } },
        'reliability.policy.waivers.approverGroups.1: must not be empty',
      ],
      [
        'an empty scope kinds list',
        { scope: { kinds: [] } },
        'reliability.policy.scope.kinds:',
      ],
    ])('rejects %s', (_name, raw, expected) => {
      expect(errorOf(raw).message).toContain(expected);
    });

    it.each<[string, unknown, string]>([
      [
        'a duplicate tier level',
        { tiers: [{ level: 0 }, { level: 1 }, { level: 1 }] },
        'reliability.policy.tiers[2].level: duplicate tier level 1 (also tiers[1])',
      ],
      [
        'an unknown blocking check',
        { tiers: [{ level: 0, blocking: ['owner', 'pager'] }] },
        'reliability.policy.tiers[0].blocking[1]: unknown check id "pager"',
      ],
      [
        'a duplicate required check',
        { tiers: [{ level: 3, required: ['owner', 'owner'] }] },
        'reliability.policy.tiers[0].required[1]: duplicate check id "owner"',
      ],
      [
        'an unknown untiered check',
        { untiered: { blocking: ['ownr'] } },
        'reliability.policy.untiered.blocking[0]: unknown check id "ownr"',
      ],
      [
        'an expected level beyond the ladder',
        { tiers: [{ level: 0, expectedLevel: 5 }] },
        'reliability.policy.tiers[0].expectedLevel: expected level 5 is beyond the maturity ladder (top level 4)',
      ],
      [
        'a default expected level beyond a shortened ladder',
        { maturityLevels: [{ level: 1 }, { level: 2 }] },
        'reliability.policy.tiers[0].expectedLevel: expected level 4 is beyond the maturity ladder (top level 2)',
      ],
      [
        'an unknown maturity check',
        { maturityLevels: [{ level: 1, checks: ['owner', 'pager'] }] },
        'reliability.policy.maturityLevels[0].checks[1]: unknown check id "pager"',
      ],
      [
        'a check in two maturity levels',
        {
          maturityLevels: [
            { level: 1 },
            { level: 2, checks: ['owner', 'docs'] },
          ],
          tiers: [{ level: 0, expectedLevel: 2 }],
        },
        'reliability.policy.maturityLevels[1].checks[0]: check "owner" is already in maturity level 1',
      ],
      [
        'a gap in the maturity ladder',
        {
          maturityLevels: [{ level: 1 }, { level: 3 }],
          tiers: [{ level: 0, expectedLevel: 1 }],
        },
        'reliability.policy.maturityLevels: levels must run 1, 2, 3 … without gaps (found 1, 3)',
      ],
      [
        'a duplicate maturity level',
        {
          maturityLevels: [{ level: 1 }, { level: 1 }],
          tiers: [{ level: 0, expectedLevel: 1 }],
        },
        'reliability.policy.maturityLevels[1].level: duplicate maturity level 1 (also maturityLevels[0])',
      ],
      [
        'a new tier without its fields',
        { tiers: [{ level: 5 }] },
        'reliability.policy.tiers[0].name: is required for tier level 5, which has no default',
      ],
      [
        'a new maturity level without checks',
        {
          maturityLevels: [
            { level: 1 },
            { level: 2 },
            { level: 3 },
            { level: 4 },
            { level: 5, name: 'Elite' },
          ],
        },
        'reliability.policy.maturityLevels[4].checks: is required for maturity level 5, which has no default',
      ],
      [
        'a new check without a title',
        {
          checks: [
            {
              id: 'sbom',
              kind: 'automatic',
              annotation: 'a/b',
              rationale: 'r',
              howToFix: 'h',
            },
          ],
        },
        'reliability.policy.checks[0].title: is required for the new check "sbom"',
      ],
      [
        'a custom attested check without validity',
        {
          checks: [
            {
              id: 'chaos',
              title: 'Chaos',
              kind: 'attested',
              rationale: 'r',
              howToFix: 'h',
            },
          ],
        },
        'reliability.policy.checks[0].validityDays: is required for the attested check "chaos"',
      ],
      [
        'an attested check with an annotation',
        { checks: [{ id: 'dr-test', annotation: 'a/b' }] },
        'reliability.policy.checks[0].annotation: applies only to automatic checks; "dr-test" is attested',
      ],
      [
        'an automatic check with validity days',
        { checks: [{ id: 'owner', validityDays: 30 }] },
        'reliability.policy.checks[0].validityDays: applies only to attested checks; "owner" is automatic',
      ],
      [
        'an annotation on a built-in automatic check',
        { checks: [{ id: 'docs', annotation: 'a/b' }] },
        'reliability.policy.checks[0].annotation: "docs" is evaluated by the suite itself',
      ],
      [
        'changing the kind of a default check',
        { checks: [{ id: 'load-test', kind: 'automatic' }] },
        'reliability.policy.checks[0].kind: cannot change check "load-test" from attested to automatic',
      ],
      [
        'a duplicate check id in config',
        {
          checks: [
            { id: 'owner', title: 'A' },
            { id: 'owner', title: 'B' },
          ],
        },
        'reliability.policy.checks[1].id: duplicate check id "owner" (also checks[0])',
      ],
      [
        'a warn threshold after the fail threshold',
        { runbookFreshness: { warnAfterDays: 200 } },
        'reliability.policy.runbookFreshness.warnAfterDays: 200 must not exceed failAfterDays (180)',
      ],
      [
        'an approver key that is no tier',
        { waivers: { approverGroups: { '7': 'group:default/sre' } } },
        'reliability.policy.waivers.approverGroups.7: "7" is neither a tier level (0, 1, 2, 3) nor "none"',
      ],
      [
        'an approver that is a user',
        { waivers: { approverGroups: { '0': 'user:default/jane' } } },
        'reliability.policy.waivers.approverGroups.0: "user:default/jane" is a user, not a group',
      ],
      [
        'an approver that is no entity ref',
        { waivers: { approverGroups: { '0': 'group:' } } },
        'reliability.policy.waivers.approverGroups.0: "group:" is not an entity ref',
      ],
    ])('rejects %s', (_name, raw, expected) => {
      const message = errorOf(raw).message;
      expect(message.startsWith('Invalid reliability.policy: ')).toBe(true);
      expect(message).toContain(expected);
    });

    it('reports every issue at once', () => {
      const error = errorOf({
        tiers: [{ level: 0, required: ['nope'], blocking: ['nada'] }],
        untiered: { required: ['zilch'] },
      });
      expect(error.issues.map(issue => issue.path)).toEqual([
        ['tiers', 0, 'required', 0],
        ['tiers', 0, 'blocking', 0],
        ['untiered', 'required', 0],
      ]);
      expect(error.message.split('; ')).toHaveLength(3);
    });
  });
});
