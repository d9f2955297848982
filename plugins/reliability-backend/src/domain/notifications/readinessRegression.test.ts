import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import {
  decideReadinessRegression,
  regressedChecks,
  sameReadiness,
  summarizeReadiness,
  type ReadinessSummary,
} from './readinessRegression';

const REF = 'component:default/checkout-api';
const AT = '2026-12-01T10:00:00.000Z';

function summary(
  required: ReadinessSummary['required'],
  gate: ReadinessSummary['gate'] = 'allow',
): ReadinessSummary {
  return {
    required,
    titles: Object.fromEntries(
      Object.keys(required).map(id => [id, `Title of ${id}`]),
    ),
    gate,
  };
}

describe('summarizeReadiness', () => {
  const report = {
    entityRef: REF,
    inScope: true,
    readiness: {
      score: 50,
      verdict: 'not-ready',
      checks: [
        { id: 'owner', state: 'pass', required: true, title: 'Owner' },
        { id: 'docs', state: 'fail', required: false, title: 'Docs' },
      ],
    },
    gate: { decision: 'warn', reasons: [], enforced: false },
  } as unknown as ReliabilityReport;

  it('keeps the required checks and the gate decision', () => {
    expect(summarizeReadiness(report)).toEqual({
      required: { owner: 'pass' },
      titles: { owner: 'Owner' },
      gate: 'warn',
    });
  });

  it('is null outside the scope and without readiness', () => {
    expect(summarizeReadiness({ ...report, inScope: false })).toBeNull();
    expect(summarizeReadiness({ ...report, readiness: null })).toBeNull();
  });

  it('has a null gate when the report has none', () => {
    expect(summarizeReadiness({ ...report, gate: null })?.gate).toBeNull();
  });
});

describe('sameReadiness', () => {
  it('compares states and gate, not titles', () => {
    const a = summary({ owner: 'pass' });
    expect(sameReadiness(a, { ...a, titles: {} })).toBe(true);
    expect(sameReadiness(a, summary({ owner: 'fail' }))).toBe(false);
    expect(sameReadiness(a, summary({ owner: 'pass' }, 'block'))).toBe(false);
    expect(sameReadiness(a, summary({ owner: 'pass', slo: 'pass' }))).toBe(
      false,
    );
    expect(sameReadiness(null, null)).toBe(true);
    expect(sameReadiness(a, null)).toBe(false);
    expect(sameReadiness(null, a)).toBe(false);
  });
});

describe('regressedChecks', () => {
  it.each([
    ['pass', 'fail', true],
    ['pass', 'unknown', true],
    ['waived', 'fail', true],
    ['waived', 'unknown', true],
    ['pass', 'warn', false],
    ['pass', 'not-applicable', false],
    ['pass', 'waived', false],
    ['fail', 'unknown', false],
    ['unknown', 'fail', false],
    ['warn', 'fail', false],
    ['not-applicable', 'fail', false],
    ['fail', 'pass', false],
  ] as const)('%s -> %s regressed: %s', (from, to, regressed) => {
    expect(
      regressedChecks(summary({ slo: from }), summary({ slo: to })),
    ).toEqual(regressed ? ['slo'] : []);
  });

  it('ignores a check that just became required', () => {
    expect(regressedChecks(summary({}), summary({ slo: 'fail' }))).toEqual([]);
  });
});

describe('decideReadinessRegression', () => {
  it('is null on the first result and when either side is out of scope', () => {
    const after = summary({ owner: 'fail' });
    expect(
      decideReadinessRegression({
        entityRef: REF,
        before: null,
        after,
        observedAt: AT,
      }),
    ).toBeNull();
    expect(
      decideReadinessRegression({
        entityRef: REF,
        before: after,
        after: null,
        observedAt: AT,
      }),
    ).toBeNull();
  });

  it('is null when nothing regressed', () => {
    expect(
      decideReadinessRegression({
        entityRef: REF,
        before: summary({ owner: 'fail' }, 'allow'),
        after: summary({ owner: 'pass' }, 'warn'),
        observedAt: AT,
      }),
    ).toBeNull();
  });

  it('tells the owners which check stopped passing and links to it', () => {
    const intent = decideReadinessRegression({
      entityRef: REF,
      entityTitle: 'Checkout API',
      before: summary({ owner: 'pass', slo: 'pass' }),
      after: summary({ owner: 'pass', slo: 'unknown' }),
      observedAt: AT,
    });
    expect(intent).toEqual({
      key: `readiness-regression:${REF}:${AT}`,
      recipients: [REF],
      payload: {
        title: 'Checkout API: readiness regressed',
        description:
          'A required check stopped passing: Title of slo (unknown). Open the check to see why and how to fix it, or request a waiver.',
        link: '/catalog/default/component/checkout-api/reliability#check-slo',
        severity: 'high',
        topic: 'Readiness regression',
        scope: `reliability:readiness:${REF}`,
      },
    });
  });

  it('names the gate turning to block, also without a check regression', () => {
    const intent = decideReadinessRegression({
      entityRef: REF,
      before: summary({ owner: 'fail' }, 'allow'),
      after: summary({ owner: 'fail' }, 'block'),
      observedAt: AT,
    });
    expect(intent?.payload).toMatchObject({
      title: 'checkout-api: release gate now blocks',
      severity: 'critical',
      link: '/catalog/default/component/checkout-api/reliability',
    });
    expect(intent?.payload.description).toContain('now blocks releases');
  });

  it('is null for warn -> block (not a change from allow)', () => {
    expect(
      decideReadinessRegression({
        entityRef: REF,
        before: summary({}, 'warn'),
        after: summary({}, 'block'),
        observedAt: AT,
      }),
    ).toBeNull();
  });

  it('lists several regressed checks and keeps one scope per entity', () => {
    const intent = decideReadinessRegression({
      entityRef: REF,
      before: summary({ a: 'pass', b: 'waived' }, 'allow'),
      after: summary({ a: 'fail', b: 'unknown' }, 'block'),
      observedAt: AT,
    });
    expect(intent?.payload.description).toContain(
      'Required checks stopped passing: Title of a (fail), Title of b (unknown).',
    );
    expect(intent?.payload.link).toMatch(/#check-a$/);
    expect(intent?.payload.scope).toBe(`reliability:readiness:${REF}`);
  });
});
