import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  CheckDefinition,
  ReliabilityPolicy,
} from '@reliability-suite/plugin-reliability-common';
import { DateTime } from 'luxon';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Validity of an attested check whose definition does not say (the contract's usual value). */
export const DEFAULT_ATTESTATION_VALIDITY_DAYS = 365;

/** The policy's definition of a check, or a 400 naming `checkId` when the policy has none. */
export function requireCheck(
  policy: ReliabilityPolicy,
  checkId: string,
): CheckDefinition {
  const check = policy.checks.find(c => c.id === checkId);
  if (!check) {
    throw new InputError(
      `Invalid checkId: "${checkId}" is not a check of the reliability policy`,
    );
  }
  return check;
}

/** Like {@link requireCheck}, and refuses automatic checks: only attested ones take evidence. */
export function requireAttestedCheck(
  policy: ReliabilityPolicy,
  checkId: string,
): CheckDefinition {
  const check = requireCheck(policy, checkId);
  if (check.kind !== 'attested') {
    throw new InputError(
      `Invalid checkId: "${checkId}" is an automatic check; it is computed from the catalog and cannot be attested`,
    );
  }
  return check;
}

/** When an attestation made at `attestedAt` stops counting. */
export function attestationExpiry(
  check: CheckDefinition,
  attestedAt: Date,
): Date {
  const days = check.validityDays ?? DEFAULT_ATTESTATION_VALIDITY_DAYS;
  return new Date(attestedAt.getTime() + days * DAY_MS);
}

/**
 * Parses a waiver's requested expiry: an ISO date (`2027-03-31`, meaning the end of that day
 * in UTC) or date-time. It must lie in the future and at most `maxDays` from `now`.
 *
 * @throws InputError naming `expiresAt`.
 */
export function parseWaiverExpiry(
  raw: string,
  now: Date,
  maxDays: number,
): Date {
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const parsed = DateTime.fromISO(raw, { zone: 'utc' });
  if (!parsed.isValid) {
    throw new InputError(
      `Invalid expiresAt: "${raw}" is not an ISO 8601 date or date-time`,
    );
  }
  const expiresAt = (isDateOnly ? parsed.endOf('day') : parsed).toJSDate();
  if (expiresAt.getTime() <= now.getTime()) {
    throw new InputError(
      `Invalid expiresAt: ${expiresAt.toISOString()} is in the past`,
    );
  }
  const latest = new Date(now.getTime() + maxDays * DAY_MS);
  if (expiresAt.getTime() > latest.getTime()) {
    throw new InputError(
      `Invalid expiresAt: a waiver may last at most ${maxDays} days, until ${latest.toISOString()}`,
    );
  }
  return expiresAt;
}

/**
 * The group whose members approve waivers of an entity of this tier, when the policy names
 * one (`waivers.approverGroups`, keyed by tier level or `none`); lower-cased for comparison.
 */
export function approverGroupForTier(
  policy: ReliabilityPolicy,
  tier: number | null,
): string | null {
  const key = tier === null ? 'none' : String(tier);
  const group = policy.waivers.approverGroups[key];
  if (!group) {
    return null;
  }
  return stringifyEntityRef(
    parseEntityRef(group, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/** Whether a user's ownership refs (their own ref and their groups) include `groupRef`. */
export function isMemberOf(
  ownershipEntityRefs: readonly string[],
  groupRef: string,
): boolean {
  const wanted = groupRef.toLocaleLowerCase('en-US');
  return ownershipEntityRefs.some(
    ref => ref.toLocaleLowerCase('en-US') === wanted,
  );
}
