import type {
  CheckConfig,
  MaturityLevelConfig,
  PolicyConfig,
  TierConfig,
} from './configSchema';
import { BUILT_IN_AUTOMATIC_CHECK_IDS } from './defaultChecks';
import type { PolicyConfigIssue } from './PolicyConfigError';
import type {
  CheckDefinition,
  MaturityLevelDefinition,
  ReliabilityPolicy,
  TierDefinition,
} from './types';

/** The area of a custom check that does not name one. */
export const CUSTOM_CHECK_AREA = 'Custom';

type Issues = PolicyConfigIssue[];

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

/** Records an issue for each field a new entry (one with no base entry to merge onto) lacks. */
function requireFields(
  entry: object,
  fields: string[],
  path: (string | number)[],
  what: string,
  issues: Issues,
): boolean {
  const missing = fields.filter(
    field => (entry as Record<string, unknown>)[field] === undefined,
  );
  for (const field of missing) {
    issues.push({ path: [...path, field], message: `is required for ${what}` });
  }
  return missing.length === 0;
}

function mergeTiers(
  base: TierDefinition[],
  config: TierConfig[],
  issues: Issues,
): TierDefinition[] {
  return config.map((entry, index) => {
    const existing = base.find(tier => tier.level === entry.level);
    if (existing) {
      return {
        ...existing,
        ...definedFields(entry),
        required: [...(entry.required ?? existing.required)],
        blocking: [...(entry.blocking ?? existing.blocking)],
      };
    }
    requireFields(
      entry,
      ['name', 'required', 'blocking', 'expectedLevel'],
      ['tiers', index],
      `tier level ${entry.level}, which has no default`,
      issues,
    );
    return {
      level: entry.level,
      name: entry.name ?? `Tier ${entry.level}`,
      description: entry.description ?? '',
      required: [...(entry.required ?? [])],
      blocking: [...(entry.blocking ?? [])],
      enforced: entry.enforced ?? false,
      expectedLevel: entry.expectedLevel ?? 0,
    };
  });
}

function mergeMaturityLevels(
  base: MaturityLevelDefinition[],
  config: MaturityLevelConfig[],
  issues: Issues,
): MaturityLevelDefinition[] {
  return config.map((entry, index) => {
    const existing = base.find(level => level.level === entry.level);
    if (existing) {
      return {
        level: entry.level,
        name: entry.name ?? existing.name,
        checks: [...(entry.checks ?? existing.checks)],
      };
    }
    requireFields(
      entry,
      ['name', 'checks'],
      ['maturityLevels', index],
      `maturity level ${entry.level}, which has no default`,
      issues,
    );
    return {
      level: entry.level,
      name: entry.name ?? `Level ${entry.level}`,
      checks: [...(entry.checks ?? [])],
    };
  });
}

/**
 * A custom automatic check without `annotation` is allowed: a backend module evaluates it
 * (its outcome reaches the evaluation as `externalResults`); without one it is `unknown`.
 */
function validateCheckKindFields(
  check: CheckDefinition,
  path: (string | number)[],
  issues: Issues,
) {
  const builtIn = (BUILT_IN_AUTOMATIC_CHECK_IDS as readonly string[]).includes(
    check.id,
  );
  if (check.kind === 'automatic') {
    if (check.validityDays !== undefined) {
      issues.push({
        path: [...path, 'validityDays'],
        message: `applies only to attested checks; "${check.id}" is automatic`,
      });
    }
    if (builtIn && check.annotation !== undefined) {
      issues.push({
        path: [...path, 'annotation'],
        message: `"${check.id}" is evaluated by the suite itself; annotation applies only to custom automatic checks`,
      });
    }
  } else {
    if (check.annotation !== undefined) {
      issues.push({
        path: [...path, 'annotation'],
        message: `applies only to automatic checks; "${check.id}" is attested`,
      });
    }
    if (check.validityDays === undefined) {
      issues.push({
        path: [...path, 'validityDays'],
        message: `is required for the attested check "${check.id}" (how many days an attestation stays valid)`,
      });
    }
  }
}

function mergeChecks(
  base: CheckDefinition[],
  config: CheckConfig[],
  issues: Issues,
): CheckDefinition[] {
  const merged = base.map(check => ({ ...check }));
  const seen = new Map<string, number>();
  config.forEach((entry, index) => {
    const path = ['checks', index];
    const firstIndex = seen.get(entry.id);
    if (firstIndex !== undefined) {
      issues.push({
        path: [...path, 'id'],
        message: `duplicate check id "${entry.id}" (also checks[${firstIndex}])`,
      });
      return;
    }
    seen.set(entry.id, index);

    const existingIndex = merged.findIndex(check => check.id === entry.id);
    if (existingIndex >= 0) {
      const existing = merged[existingIndex];
      if (entry.kind !== undefined && entry.kind !== existing.kind) {
        issues.push({
          path: [...path, 'kind'],
          message: `cannot change check "${entry.id}" from ${existing.kind} to ${entry.kind}; add a new check with its own id instead`,
        });
        return;
      }
      const updated: CheckDefinition = { ...existing, ...definedFields(entry) };
      validateCheckKindFields(updated, path, issues);
      merged[existingIndex] = updated;
      return;
    }

    const complete = requireFields(
      entry,
      ['title', 'kind', 'rationale', 'howToFix'],
      path,
      `the new check "${entry.id}"`,
      issues,
    );
    if (!complete || entry.kind === undefined) {
      return;
    }
    const created: CheckDefinition = {
      id: entry.id,
      title: entry.title ?? entry.id,
      area: entry.area ?? CUSTOM_CHECK_AREA,
      kind: entry.kind,
      rationale: entry.rationale ?? '',
      howToFix: entry.howToFix ?? '',
      ...(entry.validityDays !== undefined && {
        validityDays: entry.validityDays,
      }),
      ...(entry.annotation !== undefined && { annotation: entry.annotation }),
    };
    validateCheckKindFields(created, path, issues);
    merged.push(created);
  });
  return merged;
}

/**
 * Merges a schema-valid config onto a base policy. Lists of tiers and maturity levels replace
 * the base list (they are the scale and the ladder), each entry filled from the base entry of
 * the same level; checks merge by id; objects merge key by key. Cross-references are validated
 * separately, on the result.
 */
export function mergePolicyConfig(
  base: ReliabilityPolicy,
  config: PolicyConfig,
  issues: Issues,
): ReliabilityPolicy {
  return {
    tiers: config.tiers
      ? mergeTiers(base.tiers, config.tiers, issues)
      : base.tiers.map(tier => ({
          ...tier,
          required: [...tier.required],
          blocking: [...tier.blocking],
        })),
    untiered: {
      required: [...(config.untiered?.required ?? base.untiered.required)],
      blocking: [...(config.untiered?.blocking ?? base.untiered.blocking)],
      enforced: config.untiered?.enforced ?? base.untiered.enforced,
    },
    checks: mergeChecks(base.checks, config.checks ?? [], issues),
    maturityLevels: config.maturityLevels
      ? mergeMaturityLevels(base.maturityLevels, config.maturityLevels, issues)
      : base.maturityLevels.map(level => ({
          ...level,
          checks: [...level.checks],
        })),
    scope: {
      kinds: [...(config.scope?.kinds ?? base.scope.kinds)],
      types: [...(config.scope?.types ?? base.scope.types)],
    },
    coverageLifecycles: [
      ...(config.coverageLifecycles ?? base.coverageLifecycles),
    ],
    runbookFreshness: {
      ...base.runbookFreshness,
      ...definedFields(config.runbookFreshness ?? {}),
    },
    waivers: {
      maxDays: config.waivers?.maxDays ?? base.waivers.maxDays,
      approverGroups: {
        ...base.waivers.approverGroups,
        ...config.waivers?.approverGroups,
      },
    },
  };
}
