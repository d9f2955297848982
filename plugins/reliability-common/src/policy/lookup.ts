import type {
  CheckDefinition,
  ReliabilityPolicy,
  TierDefinition,
} from './types';

/** What the policy demands of an entity with a given tier (or none). */
export interface TierRequirements {
  /** The tier's definition; null for an untiered entity (or a level the policy does not define). */
  tier: TierDefinition | null;
  required: string[];
  blocking: string[];
  enforced: boolean;
  /** Expected maturity level; null for an untiered entity. */
  expectedLevel: number | null;
}

export function findTierDefinition(
  policy: ReliabilityPolicy,
  level: number | null | undefined,
): TierDefinition | undefined {
  if (level === null || level === undefined) {
    return undefined;
  }
  return policy.tiers.find(tier => tier.level === level);
}

export function findCheckDefinition(
  policy: ReliabilityPolicy,
  checkId: string,
): CheckDefinition | undefined {
  return policy.checks.find(check => check.id === checkId);
}

/** Required/blocking/enforced for a tier level, falling back to `policy.untiered`. */
export function getTierRequirements(
  policy: ReliabilityPolicy,
  level: number | null | undefined,
): TierRequirements {
  const tier = findTierDefinition(policy, level);
  if (tier) {
    return {
      tier,
      required: tier.required,
      blocking: tier.blocking,
      enforced: tier.enforced,
      expectedLevel: tier.expectedLevel,
    };
  }
  return {
    tier: null,
    required: policy.untiered.required,
    blocking: policy.untiered.blocking,
    enforced: policy.untiered.enforced,
    expectedLevel: null,
  };
}
