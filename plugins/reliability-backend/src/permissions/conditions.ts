import { createConditionExports } from '@backstage/plugin-permission-node';
import { reliabilityEntityPermissionResourceRef } from './resource';
import { reliabilityEntityRules } from './rules';

const exports = createConditionExports({
  resourceRef: reliabilityEntityPermissionResourceRef,
  rules: reliabilityEntityRules,
});

/**
 * Conditions for permission policies, e.g.
 * `reliabilityEntityConditions.isEntityOwner({ claims: user.info.ownershipEntityRefs })`.
 */
export const reliabilityEntityConditions = exports.conditions;

/** Builds a conditional decision on a `reliability-entity` permission. */
export const createReliabilityEntityConditionalDecision =
  exports.createConditionalDecision;
