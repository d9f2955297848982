import type { ReliabilityPolicy } from '@reliability-suite/plugin-reliability-common';
import {
  approverGroupForTier,
  attestationExpiry,
  isMemberOf,
  parseWaiverExpiry,
  requireAttestedCheck,
  requireCheck,
} from './reviewRules';

const policy = {
  checks: [
    {
      id: 'owner',
      title: 'Owner',
      area: 'Ownership',
      kind: 'automatic',
      rationale: 'r',
      howToFix: 'h',
    },
    {
      id: 'capacity-review',
      title: 'Capacity review',
      area: 'Resilience',
      kind: 'attested',
      rationale: 'r',
      howToFix: 'h',
      validityDays: 180,
    },
    {
      id: 'custom-attested',
      title: 'Custom',
      area: 'Resilience',
      kind: 'attested',
      rationale: 'r',
      howToFix: 'h',
    },
  ],
  waivers: {
    maxDays: 180,
    approverGroups: { '0': 'group:default/SRE-Core', none: 'platform-leads' },
  },
} as unknown as ReliabilityPolicy;

const now = new Date('2026-11-22T10:00:00.000Z');

describe('requireCheck', () => {
  it('returns the policy definition of a known check', () => {
    expect(requireCheck(policy, 'owner').title).toBe('Owner');
  });

  it('rejects a check id the policy does not define, naming the field', () => {
    expect(() => requireCheck(policy, 'slo-defind')).toThrow(
      'Invalid checkId: "slo-defind" is not a check of the reliability policy',
    );
    expect(() => requireCheck(policy, 'slo-defind')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});

describe('requireAttestedCheck', () => {
  it('accepts an attested check', () => {
    expect(requireAttestedCheck(policy, 'capacity-review').id).toBe(
      'capacity-review',
    );
  });

  it('refuses an automatic check', () => {
    expect(() => requireAttestedCheck(policy, 'owner')).toThrow(
      /Invalid checkId: "owner" is an automatic check/,
    );
  });

  it('refuses an unknown check', () => {
    expect(() => requireAttestedCheck(policy, 'nope')).toThrow(
      /is not a check of the reliability policy/,
    );
  });
});

describe('attestationExpiry', () => {
  it('adds the check validity in days', () => {
    expect(
      attestationExpiry(requireCheck(policy, 'capacity-review'), now),
    ).toEqual(new Date('2027-05-21T10:00:00.000Z'));
  });

  it('defaults to 365 days when the definition has none', () => {
    expect(
      attestationExpiry(requireCheck(policy, 'custom-attested'), now),
    ).toEqual(new Date('2027-11-22T10:00:00.000Z'));
  });
});

describe('parseWaiverExpiry', () => {
  it('accepts a date-time in the window', () => {
    expect(parseWaiverExpiry('2027-01-15T08:30:00Z', now, 180)).toEqual(
      new Date('2027-01-15T08:30:00.000Z'),
    );
  });

  it('reads a plain date as the end of that day in UTC', () => {
    expect(parseWaiverExpiry('2026-12-01', now, 180)).toEqual(
      new Date('2026-12-01T23:59:59.999Z'),
    );
  });

  it('accepts exactly the maximum and refuses one millisecond more', () => {
    const max = new Date(now.getTime() + 180 * 86400000);
    expect(parseWaiverExpiry(max.toISOString(), now, 180)).toEqual(max);
    expect(() =>
      parseWaiverExpiry(new Date(max.getTime() + 1).toISOString(), now, 180),
    ).toThrow(
      'Invalid expiresAt: a waiver may last at most 180 days, until 2027-05-21T10:00:00.000Z',
    );
  });

  it('uses the configured maximum', () => {
    expect(() => parseWaiverExpiry('2026-12-30', now, 30)).toThrow(
      /at most 30 days/,
    );
  });

  it('refuses an expiry in the past or exactly now', () => {
    expect(() => parseWaiverExpiry('2026-11-01', now, 180)).toThrow(
      'Invalid expiresAt: 2026-11-01T23:59:59.999Z is in the past',
    );
    expect(() => parseWaiverExpiry(now.toISOString(), now, 180)).toThrow(
      /is in the past/,
    );
  });

  it('refuses what is not a date', () => {
    expect(() => parseWaiverExpiry('next tuesday', now, 180)).toThrow(
      'Invalid expiresAt: "next tuesday" is not an ISO 8601 date or date-time',
    );
    expect(() => parseWaiverExpiry('2027-02-30', now, 180)).toThrow(
      /is not an ISO 8601 date/,
    );
  });
});

describe('approverGroupForTier', () => {
  it('returns the normalised group configured for the tier', () => {
    expect(approverGroupForTier(policy, 0)).toBe('group:default/sre-core');
  });

  it('uses the "none" key for untiered entities and completes short refs', () => {
    expect(approverGroupForTier(policy, null)).toBe(
      'group:default/platform-leads',
    );
  });

  it('returns null when the tier has no approver group', () => {
    expect(approverGroupForTier(policy, 1)).toBeNull();
  });
});

describe('isMemberOf', () => {
  it('matches ownership refs case-insensitively', () => {
    expect(
      isMemberOf(
        ['user:default/sre-lead', 'group:default/SRE-core'],
        'group:default/sre-core',
      ),
    ).toBe(true);
    expect(
      isMemberOf(
        ['user:default/guest', 'group:default/checkout-team'],
        'group:default/sre-core',
      ),
    ).toBe(false);
  });
});
