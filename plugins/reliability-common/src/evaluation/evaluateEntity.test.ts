import { DEFAULT_CHECK_IDS } from '../policy/defaultChecks';
import { defaultPolicy } from '../policy/defaultPolicy';
import { parsePolicyConfig } from '../policy/parsePolicyConfig';
import type { ReliabilityPolicy } from '../policy/types';
import type { Evaluation, EvaluationInput } from './types';
import { evaluateEntity } from './evaluateEntity';
import {
  daysFromNow,
  makeAttestation,
  makeEntity,
  makeWaiver,
  readyInput,
  withProfile,
} from './testFixtures';

const stateOf = (evaluation: Evaluation, id: string) =>
  evaluation.checks.find(check => check.id === id)?.state;

const tiered = (input: EvaluationInput, level: number | null) =>
  withProfile(input, {
    tier: level === null ? null : { level, name: `Tier ${level}` },
  });

describe('evaluateEntity', () => {
  it('rates a tier-0 service meeting every check 100, ready, level 4, allow', () => {
    const evaluation = evaluateEntity(readyInput(), defaultPolicy);
    expect(evaluation.inScope).toBe(true);
    expect(evaluation.checks.map(check => [check.id, check.state])).toEqual(
      defaultPolicy.checks.map(check => [check.id, 'pass']),
    );
    expect(evaluation.readiness).toMatchObject({
      score: 100,
      verdict: 'ready',
    });
    expect(evaluation.maturity).toEqual({
      level: 4,
      name: 'Optimized',
      expectedLevel: 4,
      next: null,
    });
    expect(evaluation.gate).toEqual({
      decision: 'allow',
      reasons: [`All ${DEFAULT_CHECK_IDS.length} required checks are met`],
      enforced: true,
    });
    expect(evaluation.problems).toEqual([]);
  });

  it('fills every check result from its definition, in policy order', () => {
    const [owner] = evaluateEntity(readyInput(), defaultPolicy).checks;
    const definition = defaultPolicy.checks[0];
    expect(owner).toEqual({
      id: 'owner',
      state: 'pass',
      required: true,
      blocking: true,
      message: 'Owned by the team group:default/payments',
      howToFix: definition.howToFix,
      title: definition.title,
      area: definition.area,
      kind: 'automatic',
      rationale: definition.rationale,
    });
    const drTest = evaluateEntity(readyInput(), defaultPolicy).checks.find(
      check => check.id === 'dr-test',
    );
    expect(drTest?.attestation?.id).toBe('att-dr-test');
  });

  it('sets required and blocking from the entity tier', () => {
    const evaluation = evaluateEntity(tiered(readyInput(), 2), defaultPolicy);
    const flags = Object.fromEntries(
      evaluation.checks.map(check => [
        check.id,
        [check.required, check.blocking],
      ]),
    );
    expect(flags.owner).toEqual([true, true]);
    expect(flags.dashboard).toEqual([true, false]);
    expect(flags['dr-test']).toEqual([false, false]);
    expect(evaluation.maturity?.expectedLevel).toBe(2);
    expect(evaluation.gate?.enforced).toBe(false);
  });

  it('returns no checks and null results for an entity out of scope, keeping problems', () => {
    const input = withProfile(
      readyInput({ entity: makeEntity({ type: 'library' }) }),
      { problems: [{ severity: 'error', message: 'bad tier' }] },
    );
    expect(evaluateEntity(input, defaultPolicy)).toEqual({
      inScope: false,
      checks: [],
      readiness: null,
      maturity: null,
      gate: null,
      problems: [{ severity: 'error', message: 'bad tier' }],
    });
  });

  it('warns for a User owner but stays ready', () => {
    const evaluation = evaluateEntity(
      readyInput({ owner: { ref: 'user:default/jane', kind: 'User' } }),
      defaultPolicy,
    );
    expect(stateOf(evaluation, 'owner')).toBe('warn');
    expect(evaluation.readiness).toMatchObject({
      score: 100,
      verdict: 'ready',
    });
    expect(evaluation.gate?.decision).toBe('allow');
    expect(evaluation.maturity?.level).toBe(4);
  });

  it('fails dependencies-tiered for a dependency without a tier, dropping to level 3', () => {
    const evaluation = evaluateEntity(
      readyInput({
        dependencies: [
          { ref: 'component:default/legacy', tier: null, found: true },
        ],
      }),
      defaultPolicy,
    );
    const check = evaluation.checks.find(c => c.id === 'dependencies-tiered');
    expect(check?.state).toBe('fail');
    expect(check?.message).toContain('component:default/legacy (no tier)');
    expect(evaluation.readiness).toMatchObject({
      score: 95,
      verdict: 'not-ready',
    });
    expect(evaluation.maturity?.level).toBe(3);
    expect(evaluation.maturity?.next?.missing).toEqual(['dependencies-tiered']);
    // not blocking for tier 0: the gate warns
    expect(evaluation.gate?.decision).toBe('warn');
  });

  it('does not count a not-applicable check', () => {
    const evaluation = evaluateEntity(
      readyInput({ dependencies: [], attestations: [] }),
      defaultPolicy,
    );
    expect(stateOf(evaluation, 'dependencies-tiered')).toBe('not-applicable');
    // 21 required, 1 not applicable → 20 counted; 6 attested fail → 14/20
    expect(evaluation.readiness?.score).toBe(70);
  });

  describe('waivers', () => {
    const withoutOncall = (waivers: EvaluationInput['waivers']) =>
      evaluateEntity(
        withProfile(readyInput({ waivers }), { oncall: null }),
        defaultPolicy,
      );

    it('blocks a tier-0 service without on-call', () => {
      const evaluation = withoutOncall([]);
      expect(stateOf(evaluation, 'oncall')).toBe('fail');
      expect(evaluation.readiness?.verdict).toBe('not-ready');
      expect(evaluation.gate?.decision).toBe('block');
      expect(evaluation.gate?.reasons[0]).toMatch(
        /^Blocking check "On-call rotation" fails: No on-call key/,
      );
    });

    it('turns a waived blocking check into ready-with-waivers and a gate warning', () => {
      const evaluation = withoutOncall([makeWaiver('oncall')]);
      const oncall = evaluation.checks.find(check => check.id === 'oncall');
      expect(oncall?.state).toBe('waived');
      expect(oncall?.underlyingState).toBe('fail');
      expect(evaluation.readiness).toMatchObject({
        score: 100,
        verdict: 'ready-with-waivers',
      });
      expect(evaluation.gate?.decision).toBe('warn');
      expect(evaluation.maturity?.level).toBe(4);
    });

    it.each([
      ['expired', makeWaiver('oncall', { expiresAt: daysFromNow(-1) })],
      ['rejected', makeWaiver('oncall', { status: 'rejected' })],
      ['only requested', makeWaiver('oncall', { status: 'requested' })],
    ])('ignores an %s waiver', (_name, waiver) => {
      const evaluation = withoutOncall([waiver]);
      expect(stateOf(evaluation, 'oncall')).toBe('fail');
      expect(evaluation.gate?.decision).toBe('block');
    });
  });

  it('makes SLO checks unknown when the file is unreachable, blocking tier 0', () => {
    const evaluation = evaluateEntity(
      readyInput({
        slos: {
          status: 'unreachable',
          location: 'file:/catalog/slos/checkout.yaml',
          slos: [],
          problems: [
            {
              severity: 'error',
              message: 'ENOENT: no such file',
              field: 'reliability/slo-ref',
            },
          ],
        },
      }),
      defaultPolicy,
    );
    expect(stateOf(evaluation, 'slo-defined')).toBe('unknown');
    expect(stateOf(evaluation, 'slo-alerting')).toBe('unknown');
    expect(evaluation.readiness?.verdict).toBe('not-ready');
    expect(evaluation.gate?.decision).toBe('block');
    expect(evaluation.problems).toEqual([
      {
        severity: 'error',
        message: 'ENOENT: no such file',
        field: 'reliability/slo-ref',
      },
    ]);
  });

  it('adds a problem for an unreachable SLO file that came without one', () => {
    const evaluation = evaluateEntity(
      readyInput({ slos: { status: 'unreachable', slos: [], problems: [] } }),
      defaultPolicy,
    );
    expect(evaluation.problems).toEqual([
      expect.objectContaining({
        field: 'reliability/slo-ref',
        message:
          'The SLO file ./slos/checkout.yaml could not be read, so the checks based on SLOs are unknown',
      }),
    ]);
  });

  it('evaluates an untiered entity with the untiered requirements, never blocking', () => {
    const input = withProfile(
      readyInput({ entity: makeEntity(), owner: null }),
      { tier: null },
    );
    const evaluation = evaluateEntity(input, defaultPolicy);
    expect(
      evaluation.checks.filter(check => check.required).map(check => check.id),
    ).toEqual(['owner', 'tier', 'runbook']);
    expect(
      evaluation.checks.filter(check => check.blocking).map(check => check.id),
    ).toEqual(['owner', 'tier']);
    expect(stateOf(evaluation, 'dependencies-tiered')).toBe('not-applicable');
    expect(evaluation.readiness).toMatchObject({
      score: 33,
      verdict: 'not-ready',
    });
    expect(evaluation.maturity?.expectedLevel).toBeNull();
    expect(evaluation.maturity?.level).toBe(0);
    expect(evaluation.gate).toEqual({
      decision: 'warn',
      reasons: [
        'Blocking check "Owned by a team" fails: spec.owner is not set',
        'Blocking check "Tier assigned" fails: No reliability/tier annotation',
        'An untiered entity does not enforce the gate, so failing blocking checks warn instead of block',
      ],
      enforced: false,
    });
  });

  it('reports a profile tier the policy does not define and treats it as untiered', () => {
    const policy = parsePolicyConfig({ tiers: [{ level: 0 }, { level: 1 }] });
    const evaluation = evaluateEntity(tiered(readyInput(), 3), policy);
    expect(evaluation.maturity?.expectedLevel).toBeNull();
    expect(evaluation.gate?.enforced).toBe(false);
    expect(stateOf(evaluation, 'tier')).toBe('fail');
    expect(evaluation.problems).toEqual([
      expect.objectContaining({
        field: 'reliability/tier',
        message:
          'Tier 3 is not defined by the reliability policy; the entity is treated as untiered',
      }),
    ]);
  });

  describe('a policy with custom checks', () => {
    const policy = parsePolicyConfig({
      checks: [
        {
          id: 'sbom',
          title: 'SBOM published',
          kind: 'automatic',
          annotation: 'example.com/sbom',
          rationale: 'Know what ships.',
          howToFix: 'Add example.com/sbom.',
        },
        {
          id: 'chaos-test',
          title: 'Chaos test',
          kind: 'attested',
          validityDays: 90,
          rationale: 'Failure injection finds weak spots.',
          howToFix: 'Run a chaos experiment and attest.',
        },
      ],
      tiers: [
        {
          level: 0,
          required: ['owner', 'tier', 'sbom', 'chaos-test'],
          blocking: ['sbom'],
        },
        { level: 1 },
        { level: 2 },
        { level: 3 },
      ],
    });

    it('evaluates them after the default checks and counts them when required', () => {
      const evaluation = evaluateEntity(readyInput(), policy);
      expect(
        evaluation.checks
          .map(check => check.id)
          .slice(DEFAULT_CHECK_IDS.length),
      ).toEqual(['sbom', 'chaos-test']);
      expect(evaluation.checks[DEFAULT_CHECK_IDS.length]).toMatchObject({
        state: 'fail',
        required: true,
        blocking: true,
        area: 'Custom',
        message: 'No example.com/sbom annotation',
        howToFix: 'Add example.com/sbom.',
      });
      expect(stateOf(evaluation, 'chaos-test')).toBe('fail');
      expect(evaluation.readiness?.score).toBe(50);
      expect(evaluation.gate?.decision).toBe('block');
    });

    it('passes them with the annotation and an attestation', () => {
      const base = readyInput();
      const evaluation = evaluateEntity(
        {
          ...base,
          entity: makeEntity({
            annotations: {
              ...base.entity.metadata.annotations,
              'example.com/sbom': 'https://sbom/checkout',
            },
          }),
          attestations: [...base.attestations, makeAttestation('chaos-test')],
        },
        policy,
      );
      expect(evaluation.readiness).toMatchObject({
        score: 100,
        verdict: 'ready',
      });
      expect(evaluation.gate?.decision).toBe('allow');
    });
  });

  describe('custom automatic checks without an annotation', () => {
    const policy: ReliabilityPolicy = {
      ...defaultPolicy,
      checks: [
        ...defaultPolicy.checks,
        {
          id: 'pager-load',
          title: 'Pager load',
          area: 'Operations',
          kind: 'automatic',
          rationale: 'Tired responders make mistakes.',
          howToFix: 'Reduce noisy alerts.',
        },
      ],
    };

    it('use the outcome computed by a backend module', () => {
      const evaluation = evaluateEntity(
        readyInput({
          externalResults: {
            'pager-load': { state: 'warn', message: '12 pages per shift' },
          },
        }),
        policy,
      );
      expect(evaluation.checks[DEFAULT_CHECK_IDS.length]).toMatchObject({
        id: 'pager-load',
        state: 'warn',
        message: '12 pages per shift',
        howToFix: 'Reduce noisy alerts.',
      });
      expect(evaluation.problems).toEqual([]);
    });

    it('are unknown with a problem when nothing evaluates them', () => {
      const evaluation = evaluateEntity(readyInput(), policy);
      expect(stateOf(evaluation, 'pager-load')).toBe('unknown');
      expect(evaluation.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          message:
            'The policy check "pager-load" has no evaluator, so it is unknown',
        }),
      ]);
    });
  });

  it('never lets external results override a built-in check', () => {
    const evaluation = evaluateEntity(
      withProfile(
        readyInput({
          externalResults: { oncall: { state: 'pass', message: 'trust me' } },
        }),
        { oncall: null },
      ),
      defaultPolicy,
    );
    expect(stateOf(evaluation, 'oncall')).toBe('fail');
  });

  it('is pure: the same input gives the same result and is not modified', () => {
    const input = readyInput({ waivers: [makeWaiver('dr-test')] });
    const snapshot = JSON.stringify(input);
    expect(evaluateEntity(input, defaultPolicy)).toEqual(
      evaluateEntity(input, defaultPolicy),
    );
    expect(JSON.stringify(input)).toBe(snapshot);
  });
});
