import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type {
  GateResponse,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import type { EvaluationRun, ResultStore } from '../database/ResultStore';
import { LruCache } from '../lib/LruCache';
import { utf8Bytes } from '../lib/utf8Bytes';

/** The part of the evaluation service the report endpoints use. */
export interface ReportEvaluator {
  evaluateAndStore(entities: Entity[]): Promise<ReliabilityReport[]>;
}

/** How stored report JSON ends (see encodeResult): `,"evaluatedAt":"<ISO time>"}`. */
const EVALUATED_AT_KEY = ',"evaluatedAt":';

/** How long the last finished run is remembered before asking the database again. */
const LAST_RUN_TTL_MS = 5_000;

/** Responses kept by default: ~4-8 KB each, so a few megabytes. */
const DEFAULT_CACHED_RESPONSES = 1000;

/** A response ready to send, with an ETag that changes whenever its bytes do. */
export interface ResponseBody {
  body: Buffer;
  etag?: string;
}

/**
 * The bytes last sent for an entity, and what they were built from: the stored row's
 * version and the evaluatedAt the response carried. Valid while all three still hold.
 */
interface CachedResponses {
  resultHash: string;
  storedEvaluatedAt: string;
  evaluatedAt: string;
  report?: Buffer;
  gate?: Buffer;
}

/**
 * Serves reports from the stored results, evaluating an entity on demand the first time.
 * A full run does not rewrite unchanged results, so a stored report older than the last
 * run is reported as evaluated when that run finished: it was re-checked then.
 */
export class ReportService {
  readonly #resultStore: ResultStore;
  readonly #evaluator: ReportEvaluator;
  readonly #responses: LruCache<string, CachedResponses>;
  readonly #measureEntity?: (entity: Entity) => Promise<unknown>;
  #lastRun?: { value: EvaluationRun | undefined; fetchedAt: number };

  constructor(options: {
    resultStore: ResultStore;
    evaluator: ReportEvaluator;
    /** How many entities' responses to keep in memory. */
    cachedResponses?: number;
    /** Measures an entity's live SLO statuses before a refresh evaluates it. */
    measureEntity?: (entity: Entity) => Promise<unknown>;
  }) {
    this.#measureEntity = options.measureEntity;
    this.#resultStore = options.resultStore;
    this.#evaluator = options.evaluator;
    this.#responses = new LruCache(
      options.cachedResponses ?? DEFAULT_CACHED_RESPONSES,
    );
  }

  /**
   * The report endpoint's response. Recently sent bytes are sent again when the stored row
   * is unchanged (one narrow lookup instead of reading, expanding and serialising the
   * report); this holds across backend replicas, as the check is against the database.
   * `loadEntity` is called only when the entity has no stored result yet.
   */
  async getReportBody(
    entityRef: string,
    loadEntity: () => Promise<Entity>,
  ): Promise<ResponseBody> {
    const cached = await this.#validCachedResponses(entityRef);
    if (cached?.report) {
      return { body: cached.report, etag: etagOf(cached) };
    }
    const stored = await this.#resultStore.getReportJson(entityRef);
    if (!stored) {
      return {
        body: Buffer.from(
          JSON.stringify(await this.refresh(await loadEntity())),
        ),
      };
    }
    const evaluatedAt = await this.#effectiveEvaluatedAt(stored.evaluatedAt);
    const entry = this.#remember(entityRef, cached, {
      resultHash: stored.resultHash,
      storedEvaluatedAt: stored.evaluatedAt,
      evaluatedAt,
    });
    entry.report = utf8Bytes(
      withEvaluatedAt(stored.reportJson, stored.evaluatedAt, evaluatedAt),
    );
    return { body: entry.report, etag: etagOf(entry) };
  }

  /** The gate endpoint's response, cached as the report's is. */
  async getGateBody(
    entityRef: string,
    loadEntity: () => Promise<Entity>,
  ): Promise<ResponseBody> {
    const cached = await this.#validCachedResponses(entityRef);
    if (cached?.gate) {
      return { body: cached.gate, etag: etagOf(cached) };
    }
    const stored = await this.#resultStore.getResult(entityRef);
    if (!stored) {
      const report = await this.refresh(await loadEntity());
      return { body: Buffer.from(JSON.stringify(toGateResponse(report))) };
    }
    const evaluatedAt = await this.#effectiveEvaluatedAt(stored.evaluatedAt);
    const entry = this.#remember(entityRef, cached, {
      resultHash: stored.resultHash,
      storedEvaluatedAt: stored.evaluatedAt,
      evaluatedAt,
    });
    entry.gate = Buffer.from(
      JSON.stringify(toGateResponse({ ...stored.report, evaluatedAt })),
    );
    return { body: entry.gate, etag: etagOf(entry) };
  }

  /**
   * The cached responses of an entity if they are still what the database and the last
   * run would give. Entities never cached cost no extra query.
   */
  async #validCachedResponses(
    entityRef: string,
  ): Promise<CachedResponses | undefined> {
    const cached = this.#responses.get(entityRef);
    if (!cached) {
      return undefined;
    }
    const version = await this.#resultStore.getResultVersion(entityRef);
    if (
      version?.resultHash === cached.resultHash &&
      version.evaluatedAt === cached.storedEvaluatedAt &&
      (await this.#effectiveEvaluatedAt(version.evaluatedAt)) ===
        cached.evaluatedAt
    ) {
      return cached;
    }
    this.#responses.delete(entityRef);
    return undefined;
  }

  /** The entry to fill for this version: the cached one when it is the same version. */
  #remember(
    entityRef: string,
    cached: CachedResponses | undefined,
    version: Omit<CachedResponses, 'report' | 'gate'>,
  ): CachedResponses {
    if (
      cached &&
      cached.resultHash === version.resultHash &&
      cached.storedEvaluatedAt === version.storedEvaluatedAt &&
      cached.evaluatedAt === version.evaluatedAt
    ) {
      return cached;
    }
    const entry: CachedResponses = { ...version };
    this.#responses.set(entityRef, entry);
    return entry;
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
    return withEvaluatedAt(stored.reportJson, stored.evaluatedAt, evaluatedAt);
  }

  async #effectiveEvaluatedAt(storedEvaluatedAt: string): Promise<string> {
    const lastRun = await this.#getLastRun();
    const confirmedByRun =
      lastRun?.finishedAt &&
      storedEvaluatedAt < lastRun.startedAt &&
      lastRun.finishedAt > storedEvaluatedAt;
    return confirmedByRun ? lastRun.finishedAt! : storedEvaluatedAt;
  }

  /**
   * Evaluates the entity now and stores the result; with `measure`, measures its live SLO
   * statuses first.
   */
  async refresh(
    entity: Entity,
    options?: { measure?: boolean },
  ): Promise<ReliabilityReport> {
    if (options?.measure && this.#measureEntity) {
      await this.#measureEntity(entity);
    }
    const [report] = await this.#evaluator.evaluateAndStore([entity]);
    // Not needed for correctness (cached responses are checked against the stored row),
    // but there is no point keeping bytes that are now out of date.
    this.#responses.delete(
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    );
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

/** Report JSON (its `evaluatedAt` last) with its `evaluatedAt` set to the given time. */
function withEvaluatedAt(
  reportJson: string,
  storedEvaluatedAt: string,
  evaluatedAt: string,
): string {
  if (evaluatedAt === storedEvaluatedAt) {
    return reportJson;
  }
  const tail = reportJson.lastIndexOf(EVALUATED_AT_KEY);
  if (tail < 0) {
    return JSON.stringify({ ...JSON.parse(reportJson), evaluatedAt });
  }
  return `${reportJson.slice(0, tail)}${EVALUATED_AT_KEY}${JSON.stringify(
    evaluatedAt,
  )}}`;
}

/** A weak ETag of a cached response: the stored row's hash and the time it reports. */
function etagOf(entry: CachedResponses): string {
  return `W/"${entry.resultHash.slice(0, 32)}-${Date.parse(
    entry.evaluatedAt,
  ).toString(36)}"`;
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
