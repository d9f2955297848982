import type {
  Attestation,
  ReliabilityReport,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';

/**
 * The seams between the backend's parts. Each is implemented in one place and injected into
 * the others through option objects (never module singletons):
 * - `ReviewFactsReader`: implemented by `DatabaseReviewStore` (attestations, waivers, reviews);
 *   read by the evaluation service.
 * - `EntityEvaluator`: implemented by the evaluation service; called by the review routes after
 *   every write that concerns an entity, and by the refresh endpoint.
 */

/** The review data that scoring needs for one entity. */
export interface ReviewFacts {
  /** Current (latest, non-revoked) attestation per attested check; may be expired. */
  attestations: Attestation[];
  /** Waivers in any status; evaluation counts only approved, unexpired ones. */
  waivers: Waiver[];
}

export interface ReviewFactsReader {
  /** Facts keyed by lower-cased entity ref; entities with none may be missing from the map. */
  getFacts(entityRefs: string[]): Promise<Map<string, ReviewFacts>>;
}

export interface EntityEvaluator {
  /**
   * Re-evaluates one entity now (catalog read, SLO load, scoring) and stores the result.
   * Returns undefined when the entity is not in the catalog.
   */
  evaluateEntity(
    entityRef: string,
    options?: { credentials?: unknown },
  ): Promise<ReliabilityReport | undefined>;
}

/** Table names, shared so each store's migration and queries agree. */
export const TABLES = {
  /** Current result per catalog entity (owned by DatabaseResultStore). */
  results: 'reliability_entity_results',
  /** Failing and waived checks per entity, for filters and the heatmap (DatabaseResultStore). */
  checkSummaries: 'reliability_check_summaries',
  /** One row per full catalog evaluation (DatabaseResultStore). */
  runs: 'reliability_runs',
  /** Attestations, every version kept (DatabaseReviewStore). */
  attestations: 'reliability_attestations',
  waivers: 'reliability_waivers',
  reviews: 'reliability_reviews',
  /** Append-only audit history of every write (DatabaseReviewStore). */
  history: 'reliability_history',
  /** Group ancestry for nested owner roll-ups (coverage). */
  groupAncestry: 'reliability_group_ancestry',
  /** Daily aggregated coverage counters for trends (coverage). */
  dailyCoverage: 'reliability_daily_coverage',
  /** The same per day and tier only, for the tier trend lines (coverage). */
  dailyTierCoverage: 'reliability_daily_tier_coverage',
} as const;
