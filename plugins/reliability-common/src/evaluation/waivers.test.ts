import type { CheckState } from '../types';
import { daysFromNow, makeCheckResult, makeWaiver, NOW } from './testFixtures';
import { applyWaiver, findActiveWaiver } from './waivers';

describe('applyWaiver', () => {
  it('waives a failing check, keeping the underlying state and message', () => {
    const result = makeCheckResult('load-test', 'fail', {
      message: 'No attestation recorded',
    });
    const waiver = makeWaiver('load-test', {
      expiresAt: '2026-12-22T10:00:00.000Z',
    });
    expect(applyWaiver(result, [waiver], NOW)).toEqual({
      ...result,
      state: 'waived',
      underlyingState: 'fail',
      message:
        'Waived until 2026-12-22 (approved by user:default/sre-lead): Migration to the new cluster first. Without the waiver it fails: No attestation recorded',
      waiver: {
        id: waiver.id,
        justification: waiver.justification,
        requestedBy: waiver.requestedBy,
        decidedBy: waiver.decidedBy,
        expiresAt: waiver.expiresAt,
      },
    });
  });

  it('says nothing about an approver the waiver does not record', () => {
    const waived = applyWaiver(
      makeCheckResult('load-test', 'fail', {
        message: 'No attestation recorded',
      }),
      [
        makeWaiver('load-test', {
          decidedBy: null,
          expiresAt: '2026-12-22T10:00:00.000Z',
        }),
      ],
      NOW,
    );
    expect(waived.message).toBe(
      'Waived until 2026-12-22: Migration to the new cluster first. Without the waiver it fails: No attestation recorded',
    );
    expect(waived.waiver?.decidedBy).toBeNull();
  });

  it('waives an unknown check', () => {
    const result = makeCheckResult('slo-defined', 'unknown');
    const waived = applyWaiver(result, [makeWaiver('slo-defined')], NOW);
    expect(waived.state).toBe('waived');
    expect(waived.underlyingState).toBe('unknown');
  });

  it.each<CheckState>(['pass', 'warn', 'not-applicable'])(
    'never hides a %s check behind a waiver',
    state => {
      const result = makeCheckResult('load-test', state);
      expect(applyWaiver(result, [makeWaiver('load-test')], NOW)).toBe(result);
    },
  );

  it.each([
    ['requested', makeWaiver('load-test', { status: 'requested' })],
    ['rejected', makeWaiver('load-test', { status: 'rejected' })],
    ['revoked', makeWaiver('load-test', { status: 'revoked' })],
    ['expired', makeWaiver('load-test', { expiresAt: daysFromNow(-1) })],
    [
      'expiring exactly now',
      makeWaiver('load-test', { expiresAt: NOW.toISOString() }),
    ],
    ['for another check', makeWaiver('dr-test')],
  ])('ignores a waiver that is %s', (_name, waiver) => {
    const result = makeCheckResult('load-test', 'fail');
    expect(applyWaiver(result, [waiver], NOW)).toBe(result);
  });
});

describe('findActiveWaiver', () => {
  it('prefers the approved waiver that runs longest', () => {
    const short = makeWaiver('dr-test', {
      id: 'short',
      expiresAt: daysFromNow(5),
    });
    const long = makeWaiver('dr-test', {
      id: 'long',
      expiresAt: daysFromNow(50),
    });
    expect(findActiveWaiver('dr-test', [short, long], NOW)?.id).toBe('long');
  });
});
