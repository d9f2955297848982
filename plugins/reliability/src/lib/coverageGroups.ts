import type {
  CoverageGroupBy,
  EntityListFilter,
} from '@reliability-suite/plugin-reliability-common';
import { shortRef, tierFilter, tierLabel } from './coverageFormat';

/** The ways the coverage chart can be grouped, with their names on the page. */
export const COVERAGE_GROUPINGS: ReadonlyArray<{
  groupBy: CoverageGroupBy;
  label: string;
  /** The column header and chart noun: "Tier", "Team", "System". */
  noun: string;
}> = [
  { groupBy: 'tier', label: 'Tier', noun: 'Tier' },
  { groupBy: 'owner', label: 'Team', noun: 'Team' },
  { groupBy: 'system', label: 'System', noun: 'System' },
];

/** The plain-text label of a coverage row key, for chart axes and aria labels. */
export function groupKeyLabel(groupBy: CoverageGroupBy, key: string): string {
  if (groupBy === 'tier') return tierLabel(key);
  if (key === 'none') return groupBy === 'owner' ? 'No owner' : 'No system';
  return shortRef(key);
}

/** The filter that selects the entities of one coverage row. */
export function groupKeyFilter(
  groupBy: CoverageGroupBy,
  key: string,
): Partial<EntityListFilter> {
  if (groupBy === 'tier') return { tier: tierFilter(key) };
  if (groupBy === 'owner') return { owner: key };
  return { system: key };
}
