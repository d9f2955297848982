import type { MaturityLevelDefinition } from '../policy/types';
import type { CheckResult, CheckState, MaturityResult } from '../types';

/** The name of level 0: not even the first level of the ladder is met. */
export const MATURITY_LEVEL_NONE_NAME = 'None';

/** States in which a check counts as met for maturity. */
export const MET_STATES: readonly CheckState[] = [
  'pass',
  'warn',
  'waived',
  'not-applicable',
];

/**
 * The highest level of the cumulative ladder whose checks, and all lower levels' checks, are met
 * (0 when level 1 is not). `next.missing` lists the unmet checks of every level up to and
 * including the next one, in ladder order; a check the entity does not have counts as unmet.
 */
export function computeMaturity(
  checks: CheckResult[],
  levels: MaturityLevelDefinition[],
  expectedLevel: number | null,
): MaturityResult {
  const ladder = [...levels].sort((a, b) => a.level - b.level);
  const states = new Map(checks.map(check => [check.id, check.state]));
  const isMet = (id: string) => {
    const state = states.get(id);
    return state !== undefined && MET_STATES.includes(state);
  };

  let reached: MaturityLevelDefinition | undefined;
  for (const level of ladder) {
    if (!level.checks.every(isMet)) {
      break;
    }
    reached = level;
  }

  const nextLevel = ladder[reached ? ladder.indexOf(reached) + 1 : 0];
  return {
    level: reached?.level ?? 0,
    name: reached?.name ?? MATURITY_LEVEL_NONE_NAME,
    expectedLevel,
    next: nextLevel
      ? {
          level: nextLevel.level,
          name: nextLevel.name,
          missing: ladder
            .filter(level => level.level <= nextLevel.level)
            .flatMap(level => level.checks.filter(id => !isMet(id))),
        }
      : null,
  };
}
