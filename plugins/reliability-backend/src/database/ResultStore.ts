import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type { EntityDescriptor } from '../lib/entityDescriptor';

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
  /** The run stopped without finishing (its process died); found by the next start. */
  abandoned: boolean;
}

/** The current results, one per catalog entity, and the full runs that keep them current. */
export interface ResultStore {
  /**
   * Stores a page of results, writing only those whose hash differs from the stored one (and
   * replacing their check summaries). A result evaluated before the stored one is not
   * written. Returns how many rows were written.
   */
  writeResults(results: EntityResult[]): Promise<{ written: number }>;

  getResult(entityRef: string): Promise<StoredResult | undefined>;

  /** Only the stored result's version: a cheap check that a cached response is current. */
  getResultVersion(entityRef: string): Promise<ResultVersion | undefined>;

  /** The stored report as JSON text, which the report endpoint sends as is. */
  getReportJson(entityRef: string): Promise<StoredReportJson | undefined>;

  /** The refs of stored results that are not in `entityRefs` (those a full run did not see). */
  listResultsNotIn(entityRefs: ReadonlySet<string>): Promise<string[]>;

  /**
   * Removes results (and their check summaries). Rows written at or after `evaluatedBefore`
   * are kept: an on-demand evaluation can land while a full run is still going. Returns how
   * many results were removed.
   */
  deleteResults(
    entityRefs: string[],
    options: { evaluatedBefore: string },
  ): Promise<number>;

  startRun(startedAt: string): Promise<number>;
  finishRun(
    id: number,
    summary: Pick<
      EvaluationRun,
      'finishedAt' | 'evaluated' | 'written' | 'deleted'
    > & { finishedAt: string },
  ): Promise<void>;
  /**
   * Marks every run still unfinished as abandoned, finished at `at`. Called when the backend
   * starts, before it runs anything: a run left unfinished then belongs to a process that
   * died. Returns the runs marked.
   */
  abandonUnfinishedRuns(at: string): Promise<number[]>;
  /** The most recent run that finished (not abandoned), if any. */
  getLastFinishedRun(): Promise<EvaluationRun | undefined>;
}
