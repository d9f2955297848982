import type { CheckContext, CheckOutcome } from '../types';
import { countOf } from '../format';

/**
 * No `spec.dependsOn` target is less critical (a higher tier number), untiered or missing;
 * not applicable without dependencies or without a tier of one's own.
 */
export function evaluateDependenciesTiered({
  input,
  tierLevel,
}: CheckContext): CheckOutcome {
  const { dependencies } = input;
  if (dependencies.length === 0) {
    return {
      state: 'not-applicable',
      message: 'No dependencies (spec.dependsOn is empty)',
    };
  }
  if (tierLevel === null) {
    return {
      state: 'not-applicable',
      message: `${countOf(
        dependencies.length,
        'dependency',
        'dependencies',
      )}, but this entity has no tier to compare them with`,
      howToFix:
        'Assign a tier first (check "tier"); then every dependency must be at least as critical.',
    };
  }
  const offenders = dependencies.flatMap(dependency => {
    if (!dependency.found) {
      return [`${dependency.ref} (not in the catalog)`];
    }
    if (dependency.tier === null) {
      return [`${dependency.ref} (no tier)`];
    }
    if (dependency.tier > tierLevel) {
      return [`${dependency.ref} (tier ${dependency.tier})`];
    }
    return [];
  });
  if (offenders.length > 0) {
    return {
      state: 'fail',
      message: `Depends on services less critical than tier ${tierLevel}, untiered or missing: ${offenders.join(
        ', ',
      )}`,
    };
  }
  return {
    state: 'pass',
    message:
      dependencies.length === 1
        ? `The dependency ${dependencies[0].ref} is at least as critical as tier ${tierLevel}`
        : `All ${dependencies.length} dependencies are at least as critical as tier ${tierLevel}`,
  };
}
