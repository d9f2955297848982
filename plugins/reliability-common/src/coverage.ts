/**
 * The leads' view: coverage, targets, history and the entity list (the backend README's "Coverage",
 * `GET /v1/coverage`, plus the suite's own extensions under `/v1/coverage/...`).
 */
import type { GateDecision, Verdict } from './types';

export type CoverageGroupBy = 'tier' | 'owner' | 'system';

export const COVERAGE_GROUP_BYS: readonly CoverageGroupBy[] = [
  'tier',
  'owner',
  'system',
];

/**
 * The counters of one coverage row, as stages of adoption. `total` is the denominator of all
 * of them. `ready` counts verdicts `ready` and `ready-with-waivers`; `waived` counts entities
 * with at least one waived check.
 */
export type CoverageMeasure =
  | 'withSlo'
  | 'withSloAlerting'
  | 'withOncall'
  | 'withRunbook'
  | 'withDashboard'
  | 'withSloDashboardRunbook'
  | 'ready'
  | 'waived';

export const COVERAGE_MEASURES: readonly CoverageMeasure[] = [
  'withSlo',
  'withSloAlerting',
  'withSloDashboardRunbook',
  'withOncall',
  'withRunbook',
  'withDashboard',
  'ready',
  'waived',
];

/** Human labels of the measures, shared by the UI and the CSV/README. */
export const COVERAGE_MEASURE_LABELS: Readonly<
  Record<CoverageMeasure, string>
> = {
  withSlo: 'With SLO',
  withSloAlerting: 'SLO with alerting',
  withSloDashboardRunbook: 'SLO + dashboard + runbook',
  withOncall: 'With on-call',
  withRunbook: 'With runbook',
  withDashboard: 'With dashboard',
  ready: 'Ready',
  waived: 'Waived',
};

export type CoverageCounters = { total: number } & Record<
  CoverageMeasure,
  number
>;

/** One row of `GET /v1/coverage` (contract fields: key, total, withSlo, withOncall, withRunbook, ready). */
export interface CoverageRow extends CoverageCounters {
  /**
   * The tier level as a string (`"none"` for untiered), the owner's entity ref or the system's
   * entity ref (`"none"` for entities without an owner or system).
   */
  key: string;
}

export interface CoverageResponse {
  rows: CoverageRow[];
  /** The newest evaluation time among the counted entities (now when there are none). */
  asOf: string;
}

/** Key used for "no tier", "no owner" and "no system" in rows and filters. */
export const COVERAGE_NONE_KEY = 'none';

/** Filters shared by coverage, history, the heatmap and the entity list. */
export interface CoverageFilter {
  /** Lifecycles to count; the policy's `coverageLifecycles` when absent. */
  lifecycle?: string[];
  kind?: string[];
  /** A system entity ref. */
  system?: string;
  /** An owner entity ref; a group includes all its descendant groups. */
  owner?: string;
}

/** A coverage target from `reliability.coverage.targets`. */
export interface CoverageTarget {
  /** A tier level, or undefined for all tiers together. */
  tier?: number;
  measure: CoverageMeasure;
  /** Share in [0,1], e.g. 0.8. */
  target: number;
  /** Deadline, YYYY-MM-DD. */
  by: string;
  /** Optional owner (with descendants) the target applies to. */
  owner?: string;
  title?: string;
  /** Entity refs notified when the target turns off track. */
  notify?: string[];
}

/** `no-trend`: not met, and too little daily history to project whether it will be. */
export type TargetStatus = 'met' | 'on-track' | 'off-track' | 'no-trend';

export interface TargetReport extends CoverageTarget {
  status: TargetStatus;
  /** Current share in [0,1] (0 when there is nothing to count). */
  current: number;
  /** Entities meeting the measure now, and the denominator. */
  count: number;
  total: number;
  /** Share expected at `by` from the linear trend of the daily history; null without history. */
  projected: number | null;
  /** Days of history the projection used. */
  historyDays: number;
  /** Why the status is what it is, in a sentence. */
  explanation: string;
}

export interface TargetsResponse {
  targets: TargetReport[];
  asOf: string;
}

export interface HistoryPoint extends CoverageCounters {
  /** YYYY-MM-DD */
  day: string;
}

export interface HistorySeries {
  /** The tier level (`"none"` for untiered) or the owner's entity ref. */
  key: string;
  points: HistoryPoint[];
}

export interface HistoryResponse {
  groupBy: 'tier' | 'owner';
  from: string;
  to: string;
  series: HistorySeries[];
}

export interface TeamMovement {
  owner: string;
  /** Share at the start and at the end of the window, in [0,1]. */
  from: number;
  to: number;
  /** to - from */
  delta: number;
  /** Denominators at the start and at the end. */
  totalFrom: number;
  totalTo: number;
}

export interface MoversWindow {
  days: number;
  /** The snapshot days compared (the newest on or before each end), null when missing. */
  fromDay: string | null;
  toDay: string | null;
  mostImproved: TeamMovement[];
  mostRegressed: TeamMovement[];
}

export interface MoversResponse {
  measure: CoverageMeasure;
  windows: MoversWindow[];
}

/** One row of the team x check heatmap. */
export interface HeatmapRow {
  key: string;
  total: number;
  /** Per check id: entities whose check is `fail` or `unknown`, and whose check is `waived`. */
  cells: Record<string, { failing: number; waived: number }>;
}

export interface HeatmapResponse {
  checkIds: string[];
  /** The policy's title of each check id, for column headers people can read. */
  checkTitles?: Record<string, string>;
  rows: HeatmapRow[];
}

export type EntitySort = 'name' | 'tier' | 'score' | 'verdict' | 'maturity';

export const ENTITY_SORTS: readonly EntitySort[] = [
  'name',
  'tier',
  'score',
  'verdict',
  'maturity',
];

/** Filters of the entity list and its CSV export (all optional, combined with AND). */
export interface EntityListFilter extends CoverageFilter {
  /** Tier levels; `"none"` for untiered. */
  tier?: Array<number | 'none'>;
  verdict?: Verdict[];
  maturity?: number[];
  /** Entities whose check with this id is `fail` or `unknown`. */
  failingCheck?: string;
  /** Entities meeting this measure. */
  stage?: CoverageMeasure;
  /** Entities not meeting this measure. */
  missing?: CoverageMeasure;
  /** Case-insensitive substring of name or title. */
  search?: string;
}

export interface EntityListItem {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
  systemRef: string | null;
  tier: number | null;
  score: number | null;
  verdict: Verdict | null;
  maturityLevel: number | null;
  expectedLevel: number | null;
  gateDecision: GateDecision | null;
  hasSlo: boolean;
  hasSloAlerting: boolean;
  hasOncall: boolean;
  hasRunbook: boolean;
  hasDashboard: boolean;
  hasWaiver: boolean;
  evaluatedAt: string;
}

export interface EntityListResponse {
  items: EntityListItem[];
  /** Opaque; pass as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
  /** Number of entities matching the filters (all pages); counted on the first page only, null on later ones. */
  totalCount: number | null;
}
