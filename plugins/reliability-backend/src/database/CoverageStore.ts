import type {
  CoverageCounters,
  CoverageGroupBy,
  CoverageMeasure,
  CoverageRow,
  EntityListFilter,
  EntityListItem,
  EntitySort,
  HeatmapRow,
  HistorySeries,
} from '@reliability-suite/plugin-reliability-common';
import type { AncestryRow } from '../lib/groupAncestry';
import type { TeamCount } from '../lib/trendRanking';

export interface EntityPageRequest {
  filter: EntityListFilter;
  sort: EntitySort;
  order: 'asc' | 'desc';
  limit: number;
  /** An opaque cursor from a previous page of the same sort and order. */
  cursor?: string;
  /** Also count every entity the filter matches (for a first page), in the same query. */
  withTotal?: boolean;
}

export interface EntityPage {
  items: EntityListItem[];
  nextCursor: string | null;
  /** With `withTotal`: how many entities the filter matches in all. */
  total?: number;
}

/**
 * All coverage SQL: aggregates over the results table, the group ancestry, and the daily
 * snapshots. In every filter an absent `lifecycle` means all lifecycles; callers resolve the
 * policy default first.
 */
export interface CoverageStore {
  /** Replaces the group ancestry when it differs from the stored one. */
  replaceGroupAncestry(rows: AncestryRow[]): Promise<{ changed: boolean }>;

  /** Writes (or rewrites) the day's snapshot from the current results. Returns its row count. */
  writeDailySnapshot(day: string): Promise<number>;

  /**
   * Writes `toDay`'s snapshot as a copy of `fromDay`'s with every measure scaled by `factor`
   * (in [0,1]; totals kept), replacing any snapshot of `toDay`. For generated demo history only.
   * Returns its row count.
   */
  writeScaledSnapshot(options: {
    fromDay: string;
    toDay: string;
    factor: number;
  }): Promise<number>;

  /** Deletes snapshots of days before `day`. Returns how many rows were removed. */
  deleteSnapshotsBefore(day: string): Promise<number>;

  /** Current coverage rows; owner rows roll up the group tree. */
  getCoverage(
    groupBy: CoverageGroupBy,
    filter: EntityListFilter,
  ): Promise<CoverageRow[]>;

  /** Current counters of all entities matching the filter, together. */
  getTotals(filter: EntityListFilter): Promise<CoverageCounters>;

  /** When the counted data was last refreshed: the last finished evaluation run, if any. */
  getAsOf(): Promise<string | null>;

  /** Daily series by tier, or by owner (the owner and its sub-groups, or the top two levels). */
  getHistory(options: {
    groupBy: 'tier' | 'owner';
    from: string;
    to: string;
    filter: EntityListFilter;
  }): Promise<HistorySeries[]>;

  /** The newest snapshot day on or before `day`, if any. */
  getSnapshotDayOnOrBefore(day: string): Promise<string | null>;

  /** Every owner key's (rolled-up) total and count meeting `measure` on a snapshot day. */
  getTeamCounts(options: {
    day: string;
    measure: CoverageMeasure;
    filter: EntityListFilter;
  }): Promise<TeamCount[]>;

  /** Failing and waived counts per owner key and check (keys as in {@link getHistory}). */
  getHeatmap(filter: EntityListFilter): Promise<HeatmapRow[]>;

  listEntities(request: EntityPageRequest): Promise<EntityPage>;

  /**
   * Every entity the filter matches, in the list's order, in batches of at most
   * `batchSize`: what the CSV export streams. Stopping early (`return()`) ends the read.
   */
  streamEntities(
    request: Pick<EntityPageRequest, 'filter' | 'sort' | 'order'>,
    batchSize: number,
  ): AsyncGenerator<EntityListItem[]>;
}
