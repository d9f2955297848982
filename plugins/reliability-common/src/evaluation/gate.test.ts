import type { CheckResult } from '../types';
import { computeGate } from './gate';
import { computeReadiness } from './readiness';
import { makeCheckResult, makeWaiver } from './testFixtures';

function gate(checks: CheckResult[], enforced = true) {
  return computeGate({
    checks,
    verdict: computeReadiness(checks).verdict,
    enforced,
    tierLabel: 'Tier 2',
  });
}

describe('computeGate', () => {
  it('allows when every required check is met', () => {
    expect(
      gate([
        makeCheckResult('owner', 'pass', { blocking: true }),
        makeCheckResult('docs', 'warn'),
      ]),
    ).toEqual({
      decision: 'allow',
      reasons: ['All 2 required checks are met'],
      enforced: true,
    });
  });

  it('blocks on a failing blocking check of an enforced tier, naming it', () => {
    const result = gate([
      makeCheckResult('oncall', 'fail', {
        blocking: true,
        message: 'no on-call key',
      }),
      makeCheckResult('docs', 'fail', { message: 'No docs' }),
    ]);
    expect(result).toEqual({
      decision: 'block',
      reasons: [
        'Blocking check "oncall" fails: no on-call key',
        'Required check "docs" fails: No docs',
      ],
      enforced: true,
    });
  });

  it('names checks by their title and says what is wrong in words', () => {
    const result = gate([
      makeCheckResult('rollback-plan', 'fail', {
        title: 'Rollback plan',
        blocking: true,
        message: 'No attestation recorded',
      }),
      makeCheckResult('slo-defined', 'unknown', {
        title: 'SLO defined',
        message: 'The SLO file could not be read',
      }),
    ]);
    expect(result.reasons).toEqual([
      'Blocking check "Rollback plan" fails: No attestation recorded',
      'Required check "SLO defined" could not be evaluated: The SLO file could not be read',
    ]);
  });

  it('blocks on an unknown blocking check', () => {
    expect(
      gate([makeCheckResult('slo-defined', 'unknown', { blocking: true })])
        .decision,
    ).toBe('block');
  });

  it('only warns when the tier is not enforced, and says so', () => {
    const result = gate(
      [
        makeCheckResult('oncall', 'fail', {
          blocking: true,
          message: 'no on-call key',
        }),
      ],
      false,
    );
    expect(result).toEqual({
      decision: 'warn',
      reasons: [
        'Blocking check "oncall" fails: no on-call key',
        'Tier 2 does not enforce the gate, so failing blocking checks warn instead of block',
      ],
      enforced: false,
    });
  });

  it('warns when a non-blocking required check fails', () => {
    expect(gate([makeCheckResult('docs', 'fail')]).decision).toBe('warn');
  });

  it('warns for a waived blocking check, naming the waiver', () => {
    const waiver = makeWaiver('oncall', {
      expiresAt: '2026-12-01T00:00:00.000Z',
    });
    const result = gate([
      makeCheckResult('oncall', 'waived', {
        blocking: true,
        underlyingState: 'fail',
        waiver: {
          id: waiver.id,
          justification: waiver.justification,
          requestedBy: waiver.requestedBy,
          decidedBy: waiver.decidedBy,
          expiresAt: waiver.expiresAt,
        },
      }),
    ]);
    expect(result).toEqual({
      decision: 'warn',
      reasons: [
        'Blocking check "oncall" is waived until 2026-12-01: Migration to the new cluster first',
      ],
      enforced: true,
    });
  });

  it('allows despite a failing check that is neither required nor blocking', () => {
    expect(
      gate([
        makeCheckResult('owner', 'pass'),
        makeCheckResult('docs', 'fail', { required: false }),
      ]).decision,
    ).toBe('allow');
  });
});
