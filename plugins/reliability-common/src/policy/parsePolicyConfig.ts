import { policyConfigSchema } from './configSchema';
import { defaultPolicy } from './defaultPolicy';
import { mergePolicyConfig } from './mergePolicyConfig';
import { PolicyConfigError, PolicyConfigIssue } from './PolicyConfigError';
import type { ReliabilityPolicy } from './types';
import {
  normalizeApproverGroups,
  validatePolicyReferences,
} from './validatePolicyReferences';

function zodIssues(
  issues: { path: PropertyKey[]; message: string }[],
): PolicyConfigIssue[] {
  return issues.map(issue => ({
    path: issue.path.map(segment =>
      typeof segment === 'number' ? segment : String(segment),
    ),
    message: issue.message,
  }));
}

/**
 * Reads app-config `reliability.policy` (the plain object, e.g. from
 * `config.getOptional('reliability.policy')`) and merges it onto `defaultPolicy`.
 * Undefined gives a copy of the default policy.
 *
 * @throws PolicyConfigError naming every invalid key, e.g.
 *   `Invalid reliability.policy: reliability.policy.tiers[1].required[2]: unknown check id "slo-defind"`
 */
export function parsePolicyConfig(raw: unknown): ReliabilityPolicy {
  const parsed = policyConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new PolicyConfigError(zodIssues(parsed.error.issues));
  }

  const issues: PolicyConfigIssue[] = [];
  const merged = mergePolicyConfig(defaultPolicy, parsed.data, issues);
  issues.push(...validatePolicyReferences(merged));
  if (issues.length > 0) {
    throw new PolicyConfigError(issues);
  }

  return {
    ...merged,
    tiers: [...merged.tiers].sort((a, b) => a.level - b.level),
    maturityLevels: [...merged.maturityLevels].sort(
      (a, b) => a.level - b.level,
    ),
    waivers: {
      ...merged.waivers,
      approverGroups: normalizeApproverGroups(merged.waivers.approverGroups),
    },
  };
}
