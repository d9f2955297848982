import type { CheckDefinition, ReliabilityPolicy } from '../policy/types';
import { getTierRequirements, type TierRequirements } from '../policy/lookup';
import { builtInCheckEvaluators } from './checks';
import type { CheckEvaluator } from './types';

/** One policy check as evaluation needs it: its definition and built-in evaluator, if any. */
export interface PlannedCheck {
  definition: CheckDefinition;
  builtIn: CheckEvaluator | undefined;
}

/** What a tier demands, with the required and blocking flags of each check in policy order. */
export interface PlannedTier extends TierRequirements {
  requiredFlags: readonly boolean[];
  blockingFlags: readonly boolean[];
}

/** The policy's checks and tiers, worked out once instead of for every entity. */
export interface CheckPlan {
  checks: readonly PlannedCheck[];
  /** Automatic checks with neither an annotation nor a built-in evaluator. */
  withoutEvaluator: readonly CheckDefinition[];
  tier(level: number | null | undefined): PlannedTier;
}

const plans = new WeakMap<ReliabilityPolicy, CheckPlan>();

function planTier(
  policy: ReliabilityPolicy,
  level: number | null | undefined,
): PlannedTier {
  const requirements = getTierRequirements(policy, level);
  const required = new Set(requirements.required);
  const blocking = new Set(requirements.blocking);
  return {
    ...requirements,
    requiredFlags: policy.checks.map(check => required.has(check.id)),
    blockingFlags: policy.checks.map(check => blocking.has(check.id)),
  };
}

function makePlan(policy: ReliabilityPolicy): CheckPlan {
  const tiers = new Map<number | null, PlannedTier>();
  return {
    checks: policy.checks.map(definition => ({
      definition,
      builtIn: builtInCheckEvaluators.get(definition.id),
    })),
    withoutEvaluator: policy.checks.filter(
      check =>
        check.kind === 'automatic' &&
        !check.annotation &&
        !builtInCheckEvaluators.has(check.id),
    ),
    tier(level) {
      // Levels the policy does not define share the untiered requirements, keyed as null.
      const key =
        level !== null &&
        level !== undefined &&
        policy.tiers.some(tier => tier.level === level)
          ? level
          : null;
      let planned = tiers.get(key);
      if (!planned) {
        planned = planTier(policy, key);
        tiers.set(key, planned);
      }
      return planned;
    },
  };
}

/**
 * The policy's check plan. A parsed policy is frozen, so its plan is kept and a full run
 * works it out once; a policy that may still change is planned anew on every call.
 */
export function checkPlanOf(policy: ReliabilityPolicy): CheckPlan {
  if (!Object.isFrozen(policy)) {
    return makePlan(policy);
  }
  let plan = plans.get(policy);
  if (!plan) {
    plan = makePlan(policy);
    plans.set(policy, plan);
  }
  return plan;
}
