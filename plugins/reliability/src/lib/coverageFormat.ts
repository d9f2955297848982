import type { CoverageCounters } from '@reliability-suite/plugin-reliability-common';

/** A share as a whole percentage, "–" when there is nothing to count. */
export function formatShare(count: number, total: number): string {
  return total > 0 ? `${Math.round((count / total) * 100)}%` : '–';
}

/** A ratio in [0,1] as a percentage with at most one decimal. */
export function formatRatio(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** The label of a tier key: "Tier 1", or "Untiered" for "none". */
export function tierLabel(key: string): string {
  return key === 'none' ? 'Untiered' : `Tier ${key}`;
}

/** The tier filter value of a tier key. */
export function tierFilter(key: string): Array<number | 'none'> {
  return [key === 'none' ? 'none' : Number(key)];
}

/** Share of the counters meeting a measure, in percent (0 when there is nothing to count). */
export function sharePercent(
  counters: CoverageCounters,
  measure: keyof CoverageCounters,
): number {
  return counters.total > 0
    ? Math.round((counters[measure] / counters.total) * 1000) / 10
    : 0;
}

/** The short name of an entity ref: `group:default/team-a` → `team-a`. */
export function shortRef(ref: string): string {
  if (ref === 'none') return 'No owner';
  const name = ref.split('/').pop() ?? ref;
  return ref.includes(':default/') ? name : ref.replace(/^[^:]+:/, '');
}
