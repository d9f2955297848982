import { defaultPolicy } from '../policy/defaultPolicy';
import type { CheckDefinition } from '../policy/types';
import { evaluateAttestedCheck } from './attested';
import { daysFromNow, makeAttestation, NOW } from './testFixtures';

const drTest = defaultPolicy.checks.find(
  check => check.id === 'dr-test',
) as CheckDefinition;

describe('evaluateAttestedCheck', () => {
  it('fails without an attestation', () => {
    expect(evaluateAttestedCheck(drTest, [], NOW)).toEqual({
      state: 'fail',
      message: 'No attestation recorded',
    });
  });

  it('ignores attestations of other checks and revoked ones', () => {
    const outcome = evaluateAttestedCheck(
      drTest,
      [
        makeAttestation('load-test'),
        makeAttestation('dr-test', {
          revokedAt: daysFromNow(-1),
          revokedBy: 'user:default/sre-lead',
        }),
      ],
      NOW,
    );
    expect(outcome.state).toBe('fail');
  });

  it('passes with a current attestation attached', () => {
    const attestation = makeAttestation('dr-test', {
      attestedAt: '2026-03-01T12:00:00.000Z',
      expiresAt: '2027-03-01T12:00:00.000Z',
    });
    expect(evaluateAttestedCheck(drTest, [attestation], NOW)).toEqual({
      state: 'pass',
      message:
        'Attested by user:default/jane on 2026-03-01, valid until 2027-03-01',
      attestation: {
        id: attestation.id,
        evidenceUrl: attestation.evidenceUrl,
        comment: attestation.comment,
        attestedBy: attestation.attestedBy,
        attestedAt: attestation.attestedAt,
        expiresAt: attestation.expiresAt,
      },
    });
  });

  it('fails naming the expiry date of an expired attestation', () => {
    const outcome = evaluateAttestedCheck(
      drTest,
      [makeAttestation('dr-test', { expiresAt: '2026-11-01T09:00:00.000Z' })],
      NOW,
    );
    expect(outcome.state).toBe('fail');
    expect(outcome.message).toBe(
      'The attestation by user:default/jane expired on 2026-11-01',
    );
    expect(outcome).not.toHaveProperty('attestation');
    expect(outcome.howToFix).toContain('valid for 365 days');
  });

  it('treats an attestation expiring exactly now as expired', () => {
    const exactly = makeAttestation('dr-test', {
      expiresAt: NOW.toISOString(),
    });
    expect(evaluateAttestedCheck(drTest, [exactly], NOW).state).toBe('fail');
    const justAfter = makeAttestation('dr-test', {
      expiresAt: new Date(NOW.getTime() + 1).toISOString(),
    });
    expect(evaluateAttestedCheck(drTest, [justAfter], NOW).state).toBe('pass');
  });

  it('uses the latest attestation when several are given', () => {
    const outcome = evaluateAttestedCheck(
      drTest,
      [
        makeAttestation('dr-test', {
          id: 'old',
          attestedAt: daysFromNow(-400),
          expiresAt: daysFromNow(-35),
        }),
        makeAttestation('dr-test', { id: 'new' }),
      ],
      NOW,
    );
    expect(outcome.state).toBe('pass');
    expect(outcome.attestation?.id).toBe('new');
  });

  it('fails for an attestation with an unreadable expiry', () => {
    const outcome = evaluateAttestedCheck(
      drTest,
      [makeAttestation('dr-test', { expiresAt: 'someday' })],
      NOW,
    );
    expect(outcome.state).toBe('fail');
    expect(outcome.message).toContain('no valid expiry date ("someday")');
  });
});
