import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type { EntityDescriptor } from '../lib/entityDescriptor';
import type { PreparedResult } from '../lib/resultRow';

/** One evaluation to store. */
export interface EntityResult {
  entity: EntityDescriptor;
  report: ReliabilityReport;
}

/** A stored result as read back. */
export interface StoredResult {
  entityRef: string;
  /** The report exactly as stored (its `evaluatedAt` is the evaluation that last changed it). */
  report: ReliabilityReport;
  /** The stored `evaluated_at`. */
  evaluatedAt: string;
  resultHash: string;
}

export interface StoredReportJson {
  entityRef: string;
  reportJson: string;
  evaluatedAt: string;
  resultHash: string;
}

/** Identifies a stored result: both change whenever the row is rewritten. */
export interface ResultVersion {
  resultHash: string;
  evaluatedAt: string;
}

/** A full catalog evaluation. */
export interface EvaluationRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  evaluated: number;
  written: number;
  deleted: number;
}

/**
 * One page of a full run, handed to the store in slices as they are scored. The store may
 * send each slice on at once (SQLite: to its writer thread), so that the caller holds none
 * of the page's stored text while it scores the rest of the page.
 */
export interface PageWrite {
  add(results: PreparedResult[]): void;
  /** Settles once the whole page is stored: how many rows were written. */
  finish(): Promise<{ written: number }>;
  /** Gives the page up without writing any of it (its scoring failed). */
  discard(): void;
}

/** A page kept whole until it is finished, then stored by `write`. */
export function heldPageWrite(
  write: (results: PreparedResult[]) => Promise<{ written: number }>,
): PageWrite {
  let held: PreparedResult[] = [];
  return {
    add: results => {
      for (const result of results) {
        held.push(result);
      }
    },
    finish: () => write(held),
    discard: () => {
      held = [];
    },
  };
}

export interface ResultStore {
  /** The stored form of one evaluation, ready for writePreparedResults. */
  prepare(result: EntityResult): PreparedResult;

  /**
   * Stores a batch of results, writing only those whose hash differs from the stored one
   * (and replacing their check states). Returns how many rows were written.
   */
  writeResults(results: EntityResult[]): Promise<{ written: number }>;

  /** The same for results already in their stored form (see prepareResult). */
  writePreparedResults(results: PreparedResult[]): Promise<{ written: number }>;

  /**
   * A full run's page, handed over in slices as it is scored (see PageWrite). The store
   * may write it on a connection of its own while the caller goes on (SQLite: a writer
   * thread); `finish` still settles only once the page is stored.
   */
  beginPageWrite(): Promise<PageWrite>;

  getResult(entityRef: string): Promise<StoredResult | undefined>;

  /** Only the stored result's version: a cheap check that a cached response is current. */
  getResultVersion(entityRef: string): Promise<ResultVersion | undefined>;

  /**
   * The stored report as the JSON text of the full report, which the report endpoint sends
   * as is. Its `evaluatedAt` is the last key.
   */
  getReportJson(entityRef: string): Promise<StoredReportJson | undefined>;

  /**
   * Removes the results (and check states) of entities a full run did not see. Rows
   * written at or after `evaluatedBefore` are kept: an on-demand evaluation can land while
   * the run is still going. Returns how many results were removed.
   */
  deleteResultsNotIn(
    seenEntityRefs: ReadonlySet<string>,
    options: { evaluatedBefore: string },
  ): Promise<number>;

  startRun(startedAt: string): Promise<number>;
  finishRun(
    id: number,
    summary: Omit<EvaluationRun, 'id' | 'startedAt'> & { finishedAt: string },
  ): Promise<void>;
  /** The most recent run that finished, if any. */
  getLastFinishedRun(): Promise<EvaluationRun | undefined>;
}
