export { reliabilityEntityPermissionResourceRef } from './resource';
export type { ReliabilityEntityQuery } from './resource';
export { isEntityOwner, ownerRefsOf, reliabilityEntityRules } from './rules';
export {
  reliabilityEntityConditions,
  createReliabilityEntityConditionalDecision,
} from './conditions';
export { registerReliabilityPermissions } from './registerPermissions';
