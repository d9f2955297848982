import type {
  BurningSlo,
  SloHistoryPoint,
  SloState,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';

export type { SloHistoryPoint };

/** A stored latest status, with when its SLO's history last got a point. */
export interface StoredSloStatus {
  status: SloStatus;
  historyAt: string | null;
}

/** One measurement to store. */
export interface SloStatusWrite {
  entityRef: string;
  sloName: string;
  status: SloStatus;
  /** Also append the figures to the SLO's history (the caller thins the history). */
  appendHistory: boolean;
}

/** The latest live status of every SLO and its history (owned by DatabaseSloStatusStore). */
export interface SloStatusStore {
  /** Latest statuses by lower-cased entity ref, then SLO name; entities with none are absent. */
  getLatest(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, StoredSloStatus>>>;
  /**
   * Stores the measurements of whole entities: each listed entity's statuses replace its
   * previous ones, so an SLO removed from its file loses its status.
   */
  writeEntities(entityRefs: string[], writes: SloStatusWrite[]): Promise<void>;
  /** History points of one SLO from `since`, oldest first. */
  getHistory(
    entityRef: string,
    sloName: string,
    since: string,
  ): Promise<SloHistoryPoint[]>;
  /** Counts of latest statuses by state, over all entities (for the leads page). */
  countByState(): Promise<Partial<Record<SloState, number>>>;
  /** SLOs exhausted, critical or warning now: exhausted first, then by budget left. */
  listBurning(limit: number): Promise<BurningSlo[]>;
  /** Drops history points measured before `before`; returns how many. */
  deleteHistoryBefore(before: string): Promise<number>;
}
