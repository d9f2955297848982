import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { PolicyConfigIssue } from './PolicyConfigError';
import type { ReliabilityPolicy } from './types';

type Issues = PolicyConfigIssue[];
type Path = (string | number)[];

/** The tier-level key of `waivers.approverGroups` for untiered entities. */
export const UNTIERED_KEY = 'none';

function checkIdList(
  ids: string[],
  knownIds: Set<string>,
  path: Path,
  issues: Issues,
) {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!knownIds.has(id)) {
      issues.push({
        path: [...path, index],
        message: `unknown check id "${id}"`,
      });
    } else if (seen.has(id)) {
      issues.push({
        path: [...path, index],
        message: `duplicate check id "${id}"`,
      });
    }
    seen.add(id);
  });
}

function validateChecks(policy: ReliabilityPolicy, issues: Issues) {
  const seen = new Set<string>();
  policy.checks.forEach((check, index) => {
    if (seen.has(check.id)) {
      issues.push({
        path: ['checks', index, 'id'],
        message: `duplicate check id "${check.id}"`,
      });
    }
    seen.add(check.id);
  });
}

function validateMaturityLevels(
  policy: ReliabilityPolicy,
  knownIds: Set<string>,
  issues: Issues,
) {
  const levelAt = new Map<number, number>();
  const checkLevel = new Map<string, number>();
  policy.maturityLevels.forEach((level, index) => {
    const first = levelAt.get(level.level);
    if (first !== undefined) {
      issues.push({
        path: ['maturityLevels', index, 'level'],
        message: `duplicate maturity level ${level.level} (also maturityLevels[${first}])`,
      });
      return;
    }
    levelAt.set(level.level, index);
    checkIdList(
      level.checks,
      knownIds,
      ['maturityLevels', index, 'checks'],
      issues,
    );
    level.checks.forEach((id, checkIndex) => {
      const other = checkLevel.get(id);
      if (other !== undefined && other !== level.level) {
        issues.push({
          path: ['maturityLevels', index, 'checks', checkIndex],
          message: `check "${id}" is already in maturity level ${other}`,
        });
      } else {
        checkLevel.set(id, level.level);
      }
    });
  });
  const levels = [...levelAt.keys()].sort((a, b) => a - b);
  if (levels.some((level, index) => level !== index + 1)) {
    issues.push({
      path: ['maturityLevels'],
      message: `levels must run 1, 2, 3 … without gaps (found ${levels.join(
        ', ',
      )})`,
    });
  }
}

function validateTiers(
  policy: ReliabilityPolicy,
  knownIds: Set<string>,
  issues: Issues,
) {
  const topLevel = Math.max(0, ...policy.maturityLevels.map(l => l.level));
  const levelAt = new Map<number, number>();
  policy.tiers.forEach((tier, index) => {
    const first = levelAt.get(tier.level);
    if (first !== undefined) {
      issues.push({
        path: ['tiers', index, 'level'],
        message: `duplicate tier level ${tier.level} (also tiers[${first}])`,
      });
    }
    levelAt.set(tier.level, index);
    checkIdList(tier.required, knownIds, ['tiers', index, 'required'], issues);
    checkIdList(tier.blocking, knownIds, ['tiers', index, 'blocking'], issues);
    if (tier.expectedLevel > topLevel) {
      issues.push({
        path: ['tiers', index, 'expectedLevel'],
        message: `expected level ${tier.expectedLevel} is beyond the maturity ladder (top level ${topLevel})`,
      });
    }
  });
  checkIdList(
    policy.untiered.required,
    knownIds,
    ['untiered', 'required'],
    issues,
  );
  checkIdList(
    policy.untiered.blocking,
    knownIds,
    ['untiered', 'blocking'],
    issues,
  );
}

function validateApproverGroups(policy: ReliabilityPolicy, issues: Issues) {
  const tierKeys = policy.tiers.map(tier => String(tier.level));
  for (const [key, groupRef] of Object.entries(policy.waivers.approverGroups)) {
    const path = ['waivers', 'approverGroups', key];
    if (key !== UNTIERED_KEY && !tierKeys.includes(key)) {
      issues.push({
        path,
        message: `"${key}" is neither a tier level (${tierKeys.join(
          ', ',
        )}) nor "${UNTIERED_KEY}"`,
      });
      continue;
    }
    try {
      const ref = parseEntityRef(groupRef, { defaultKind: 'group' });
      if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
        issues.push({
          path,
          message: `"${groupRef}" is a ${ref.kind}, not a group`,
        });
      }
    } catch {
      issues.push({
        path,
        message: `"${groupRef}" is not an entity ref such as "group:default/sre"`,
      });
    }
  }
}

/** Normalises approver group refs to full lower-case refs (`group:default/sre`). */
export function normalizeApproverGroups(
  approverGroups: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(approverGroups).map(([key, groupRef]) => [
      key,
      stringifyEntityRef(
        parseEntityRef(groupRef, { defaultKind: 'group' }),
      ).toLocaleLowerCase('en-US'),
    ]),
  );
}

/**
 * Cross-checks the references inside a policy: every check id a tier, the untiered entry or a
 * maturity level names is defined; levels are unique; the ladder has no gaps; expected levels
 * exist; approver groups name tiers and groups; the freshness thresholds are ordered.
 */
export function validatePolicyReferences(policy: ReliabilityPolicy): Issues {
  const issues: Issues = [];
  const knownIds = new Set(policy.checks.map(check => check.id));
  validateChecks(policy, issues);
  validateMaturityLevels(policy, knownIds, issues);
  validateTiers(policy, knownIds, issues);
  if (policy.scope.kinds.length === 0) {
    issues.push({
      path: ['scope', 'kinds'],
      message: 'must name at least one kind',
    });
  }
  const { warnAfterDays, failAfterDays } = policy.runbookFreshness;
  if (warnAfterDays > failAfterDays) {
    issues.push({
      path: ['runbookFreshness', 'warnAfterDays'],
      message: `${warnAfterDays} must not exceed failAfterDays (${failAfterDays})`,
    });
  }
  validateApproverGroups(policy, issues);
  return issues;
}
