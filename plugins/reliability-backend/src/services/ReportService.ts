import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type {
  GateDecision,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import type { EvaluationRun, ResultStore } from '../database/ResultStore';

/** The part of the evaluation service the report endpoints use. */
export interface ReportEvaluator {
  evaluateAndStore(entities: Entity[]): Promise<ReliabilityReport[]>;
}

/** `GET .../gate`: the contract's `decision` and `reasons`, plus what CI logs want. */
export interface GateResponse {
  decision: GateDecision;
  reasons: string[];
  entityRef: string;
  tier: number | null;
  enforced: boolean;
  evaluatedAt: string;
}

/** How stored report JSON ends (see prepareResult): `,"evaluatedAt":"<ISO time>"}`. */
const EVALUATED_AT_KEY = ',"evaluatedAt":';

/** How long the last finished run is remembered before asking the database again. */
const LAST_RUN_TTL_MS = 5_000;

/**
 * Serves reports from the stored results, evaluating an entity on demand the first time.
 * A full run does not rewrite unchanged results, so a stored report older than the last
 * run is reported as evaluated when that run finished: it was re-checked then.
 */
export class ReportService {
  readonly #resultStore: ResultStore;
  readonly #evaluator: ReportEvaluator;
  #lastRun?: { value: EvaluationRun | undefined; fetchedAt: number };

  constructor(options: {
    resultStore: ResultStore;
    evaluator: ReportEvaluator;
  }) {
    this.#resultStore = options.resultStore;
    this.#evaluator = options.evaluator;
  }

  async getReport(entity: Entity): Promise<ReliabilityReport> {
    const stored = await this.#resultStore.getResult(
      stringifyEntityRef(entity),
    );
    if (!stored) {
      return this.refresh(entity);
    }
    return {
      ...stored.report,
      evaluatedAt: await this.#effectiveEvaluatedAt(stored.evaluatedAt),
    };
  }

  /**
   * The report as JSON text. A stored report is sent as stored, without parsing and
   * re-serialising its several kilobytes; only its trailing `evaluatedAt` may change.
   */
  async getReportJson(entity: Entity): Promise<string> {
    const stored = await this.#resultStore.getReportJson(
      stringifyEntityRef(entity),
    );
    if (!stored) {
      return JSON.stringify(await this.refresh(entity));
    }
    const evaluatedAt = await this.#effectiveEvaluatedAt(stored.evaluatedAt);
    if (evaluatedAt === stored.evaluatedAt) {
      return stored.reportJson;
    }
    const tail = stored.reportJson.lastIndexOf(EVALUATED_AT_KEY);
    if (tail < 0) {
      return JSON.stringify({ ...JSON.parse(stored.reportJson), evaluatedAt });
    }
    return `${stored.reportJson.slice(
      0,
      tail,
    )}${EVALUATED_AT_KEY}${JSON.stringify(evaluatedAt)}}`;
  }

  async #effectiveEvaluatedAt(storedEvaluatedAt: string): Promise<string> {
    const lastRun = await this.#getLastRun();
    const confirmedByRun =
      lastRun?.finishedAt &&
      storedEvaluatedAt < lastRun.startedAt &&
      lastRun.finishedAt > storedEvaluatedAt;
    return confirmedByRun ? lastRun.finishedAt! : storedEvaluatedAt;
  }

  /** Evaluates the entity now and stores the result. */
  async refresh(entity: Entity): Promise<ReliabilityReport> {
    const [report] = await this.#evaluator.evaluateAndStore([entity]);
    return report;
  }

  async getGate(entity: Entity): Promise<GateResponse> {
    return toGateResponse(await this.getReport(entity));
  }

  /** Forget the cached last run, e.g. after this instance finished one. */
  invalidateLastRun(): void {
    this.#lastRun = undefined;
  }

  async #getLastRun(): Promise<EvaluationRun | undefined> {
    const now = Date.now();
    if (!this.#lastRun || now - this.#lastRun.fetchedAt > LAST_RUN_TTL_MS) {
      this.#lastRun = {
        value: await this.#resultStore.getLastFinishedRun(),
        fetchedAt: now,
      };
    }
    return this.#lastRun.value;
  }
}

/** The gate of a report; an entity outside the policy's scope is never blocked. */
export function toGateResponse(report: ReliabilityReport): GateResponse {
  const gate = report.gate ?? {
    decision: 'allow' as const,
    reasons: [
      `${report.entityRef} is outside the reliability policy's scope, so no release requirements apply`,
    ],
    enforced: false,
  };
  return {
    decision: gate.decision,
    reasons: gate.reasons,
    entityRef: report.entityRef,
    tier: report.tier?.level ?? null,
    enforced: gate.enforced,
    evaluatedAt: report.evaluatedAt,
  };
}
