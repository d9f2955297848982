import type { TeamMovement } from '@reliability-suite/plugin-reliability-common';

/** A team's total and the count meeting the measure on one day. */
export interface TeamCount {
  owner: string;
  total: number;
  count: number;
}

/**
 * Compares each team's share on two days. Teams missing on either day or with nothing to count
 * are left out: a share of nothing is no movement.
 */
export function teamMovements(
  before: TeamCount[],
  after: TeamCount[],
): TeamMovement[] {
  const beforeByOwner = new Map(before.map(count => [count.owner, count]));
  const movements: TeamMovement[] = [];
  for (const now of after) {
    const then = beforeByOwner.get(now.owner);
    if (!then || then.total === 0 || now.total === 0) {
      continue;
    }
    const from = then.count / then.total;
    const to = now.count / now.total;
    movements.push({
      owner: now.owner,
      from,
      to,
      delta: to - from,
      totalFrom: then.total,
      totalTo: now.total,
    });
  }
  return movements;
}

/** Biggest movers first; ties go to the bigger team, then to the ref, so the order is stable. */
function byMagnitude(a: TeamMovement, b: TeamMovement): number {
  return (
    Math.abs(b.delta) - Math.abs(a.delta) ||
    b.totalTo - a.totalTo ||
    a.owner.localeCompare(b.owner)
  );
}

/** The teams that improved most and regressed most (strictly positive / negative deltas). */
export function rankMovements(
  movements: TeamMovement[],
  limit: number,
): { mostImproved: TeamMovement[]; mostRegressed: TeamMovement[] } {
  // Float noise from identical shares must not count as movement.
  const EPSILON = 1e-9;
  return {
    mostImproved: movements
      .filter(movement => movement.delta > EPSILON)
      .sort(byMagnitude)
      .slice(0, limit),
    mostRegressed: movements
      .filter(movement => movement.delta < -EPSILON)
      .sort(byMagnitude)
      .slice(0, limit),
  };
}
