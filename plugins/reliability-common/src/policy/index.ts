export * from './types';
export { defaultPolicy } from './defaultPolicy';
export {
  defaultChecks,
  DEFAULT_CHECK_IDS,
  BUILT_IN_AUTOMATIC_CHECK_IDS,
} from './defaultChecks';
export type { DefaultCheckId } from './defaultChecks';
export { parsePolicyConfig } from './parsePolicyConfig';
export { PolicyConfigError, formatPolicyConfigPath } from './PolicyConfigError';
export type { PolicyConfigIssue } from './PolicyConfigError';
export { UNTIERED_KEY } from './validatePolicyReferences';
export { CUSTOM_CHECK_AREA } from './mergePolicyConfig';
export {
  findCheckDefinition,
  findTierDefinition,
  getTierRequirements,
} from './lookup';
export type { TierRequirements } from './lookup';
