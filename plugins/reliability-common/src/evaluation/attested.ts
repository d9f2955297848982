import type { CheckDefinition } from '../policy/types';
import type { Attestation, CheckResult } from '../types';
import { formatDay } from './format';
import type { CheckOutcome } from './types';

export interface AttestedOutcome extends CheckOutcome {
  attestation?: CheckResult['attestation'];
}

function latestFor(
  checkId: string,
  attestations: Attestation[],
): Attestation | undefined {
  // A loop rather than filter and reduce: six attested checks an entity, and most
  // entities have no attestation at all.
  let latest: Attestation | undefined;
  for (const attestation of attestations) {
    if (
      attestation.checkId === checkId &&
      !attestation.revokedAt &&
      (!latest ||
        Date.parse(attestation.attestedAt) > Date.parse(latest.attestedAt))
    ) {
      latest = attestation;
    }
  }
  return latest;
}

/**
 * An attested check passes with a current attestation; without one, or with one whose expiry is
 * at or before `now`, it fails (naming the expiry date).
 */
export function evaluateAttestedCheck(
  definition: CheckDefinition,
  attestations: Attestation[],
  now: Date,
): AttestedOutcome {
  const attestation = latestFor(definition.id, attestations);
  if (!attestation) {
    return { state: 'fail', message: 'No attestation recorded' };
  }
  const expiresAt = Date.parse(attestation.expiresAt);
  if (Number.isNaN(expiresAt)) {
    return {
      state: 'fail',
      message: `The attestation by ${attestation.attestedBy} has no valid expiry date ("${attestation.expiresAt}")`,
    };
  }
  if (expiresAt <= now.getTime()) {
    return {
      state: 'fail',
      message: `The attestation by ${
        attestation.attestedBy
      } expired on ${formatDay(attestation.expiresAt)}`,
      howToFix: `${
        definition.howToFix
      } Attestations of this check are valid for ${
        definition.validityDays ?? '?'
      } days.`,
    };
  }
  return {
    state: 'pass',
    message: `Attested by ${attestation.attestedBy} on ${formatDay(
      attestation.attestedAt,
    )}, valid until ${formatDay(attestation.expiresAt)}`,
    attestation: {
      id: attestation.id,
      evidenceUrl: attestation.evidenceUrl,
      comment: attestation.comment,
      attestedBy: attestation.attestedBy,
      attestedAt: attestation.attestedAt,
      expiresAt: attestation.expiresAt,
    },
  };
}
