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

const sortedLadders = new WeakMap<
  readonly MaturityLevelDefinition[],
  readonly MaturityLevelDefinition[]
>();

/**
 * The levels in ladder order. A parsed policy is frozen, so its sorted ladder is kept
 * instead of being sorted again for every entity of a full run.
 */
function ladderOf(
  levels: readonly MaturityLevelDefinition[],
): readonly MaturityLevelDefinition[] {
  const kept = sortedLadders.get(levels);
  if (kept) {
    return kept;
  }
  const ladder = [...levels].sort((a, b) => a.level - b.level);
  if (Object.isFrozen(levels)) {
    sortedLadders.set(levels, ladder);
  }
  return ladder;
}

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
  const ladder = ladderOf(levels);
  const states = new Map<string, CheckState>();
  for (const check of checks) {
    states.set(check.id, check.state);
  }
  const isMet = (id: string) => {
    const state = states.get(id);
    return state !== undefined && MET_STATES.includes(state);
  };

  let reachedIndex = -1;
  while (
    reachedIndex + 1 < ladder.length &&
    ladder[reachedIndex + 1].checks.every(isMet)
  ) {
    reachedIndex++;
  }
  const reached = reachedIndex >= 0 ? ladder[reachedIndex] : undefined;
  const nextLevel = ladder[reachedIndex + 1];
  let next: MaturityResult['next'] = null;
  if (nextLevel) {
    const missing: string[] = [];
    for (const level of ladder) {
      if (level.level > nextLevel.level) {
        continue;
      }
      for (const id of level.checks) {
        if (!isMet(id)) {
          missing.push(id);
        }
      }
    }
    next = { level: nextLevel.level, name: nextLevel.name, missing };
  }
  return {
    level: reached?.level ?? 0,
    name: reached?.name ?? MATURITY_LEVEL_NONE_NAME,
    expectedLevel,
    next,
  };
}
