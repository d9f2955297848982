import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PROMETHEUS_INSTANCE,
  errorRatioExpr,
  planMeasurement,
  prometheusGraphUrl,
  statusFromAnswers,
  statusWithoutFigures,
  withSince,
  type SloLoadResult,
  type SloStatus,
  type SloStatusOverview,
} from '@reliability-suite/plugin-reliability-common';
import type {
  SloHistoryPoint,
  SloStatusStore,
  SloStatusWrite,
  StoredSloStatus,
} from '../database/SloStatusStore';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import type { PrometheusSettings } from '../prometheus/prometheusConfig';
import { runQueries, type QueryOutcome } from '../prometheus/runQueries';
import type { SloSource } from '@reliability-suite/plugin-reliability-node';

/** An entity whose SLOs to measure, with its loaded SLO file. */
export interface MeasureTarget {
  entity: Entity;
  slos: SloLoadResult;
}

/** What evaluation reads: the latest statuses by lower-cased entity ref, then SLO name. */
export interface SloStatusReader {
  getStatuses(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, SloStatus>>>;
}

/** What the history and overview endpoints read. */
export interface SloHistoryReader {
  getOverview(limit: number): Promise<SloStatusOverview>;
  getHistory(
    entityRef: string,
    sloName: string,
    since: Date,
  ): Promise<SloHistoryPoint[]>;
}

/** A history point is kept at least this often per SLO, and at every change of state. */
const DEFAULT_HISTORY_INTERVAL_MINUTES = 60;

type Planned = {
  entityRef: string;
  sloName: string;
  target: number;
  instance: string | null;
  /** Set when the SLO needs no query: its status is already known. */
  status?: SloStatus;
  keys: string[];
  exprs: string[];
  graphUrl?: string;
};

/**
 * Measures SLOs against their Prometheus instances and keeps the latest statuses and a
 * thinned history. Queries of all SLOs on one instance are de-duplicated and batched; an
 * instance that cannot be reached makes its SLOs `unavailable` with the reason.
 */
export class SloStatusService implements SloStatusReader, SloHistoryReader {
  readonly #settings: PrometheusSettings;
  readonly #store: SloStatusStore;
  readonly #clients: Map<string, PrometheusClient>;
  readonly #defaultInstance: string | undefined;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  readonly #historyIntervalMs: number;
  readonly #sloSource?: SloSource;

  constructor(options: {
    settings: PrometheusSettings;
    store: SloStatusStore;
    logger: LoggerService;
    now?: () => Date;
    historyIntervalMinutes?: number;
    fetch?: typeof fetch;
    /** Loads an entity's SLO file for a measurement of that entity alone. */
    sloSource?: SloSource;
  }) {
    this.#sloSource = options.sloSource;
    this.#settings = options.settings;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#historyIntervalMs =
      (options.historyIntervalMinutes ?? DEFAULT_HISTORY_INTERVAL_MINUTES) *
      60_000;
    this.#clients = new Map(
      options.settings.instances.map(instance => [
        instance.name,
        new PrometheusClient({
          name: instance.name,
          baseUrl: instance.baseUrl,
          headers: instance.headers,
          timeoutMs: options.settings.timeoutMs,
          concurrency: options.settings.concurrency,
          fetch: options.fetch,
        }),
      ]),
    );
    this.#defaultInstance = options.settings.instances.find(
      instance => instance.default,
    )?.name;
  }

  /** The instance configuration, for links to the Prometheus graph. */
  instanceUrl(name: string): string | undefined {
    return this.#settings.instances.find(instance => instance.name === name)
      ?.baseUrl;
  }

  async getStatuses(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, SloStatus>>> {
    const latest = await this.#store.getLatest(entityRefs);
    return new Map(
      [...latest].map(([ref, slos]) => [
        ref,
        new Map([...slos].map(([name, stored]) => [name, stored.status])),
      ]),
    );
  }

  getHistory(
    entityRef: string,
    sloName: string,
    since: Date,
  ): Promise<SloHistoryPoint[]> {
    return this.#store.getHistory(entityRef, sloName, since.toISOString());
  }

  /** How many SLOs are in each state, and the ones burning now (the leads page). */
  async getOverview(limit: number): Promise<SloStatusOverview> {
    const [counts, burning] = await Promise.all([
      this.#store.countByState(),
      this.#store.listBurning(limit),
    ]);
    return { measured: true, counts, burning };
  }

  async deleteHistoryBefore(before: Date): Promise<number> {
    return this.#store.deleteHistoryBefore(before.toISOString());
  }

  /** Measures one entity's SLOs now (the refresh endpoint). */
  async measureEntity(entity: Entity): Promise<SloStatusWrite[]> {
    if (!this.#sloSource) {
      return [];
    }
    return this.measure([{ entity, slos: await this.#sloSource.load(entity) }]);
  }

  /**
   * Measures every SLO of the targets now and stores the statuses. Entities whose SLO
   * file could not be read keep their previous statuses. Returns the statuses written.
   */
  async measure(targets: MeasureTarget[]): Promise<SloStatusWrite[]> {
    const now = this.#now();
    const readable = targets.filter(t => t.slos.status !== 'unreachable');
    const planned = readable.flatMap(target => this.#plan(target, now));
    const statuses = await this.#query(planned, now);
    const entityRefs = readable.map(t => stringifyEntityRef(t.entity));
    const previous = await this.#store.getLatest(entityRefs);
    const writes = planned.map((slo, index) => {
      const before = previous
        .get(slo.entityRef.toLocaleLowerCase('en-US'))
        ?.get(slo.sloName);
      const status = withSince(
        {
          ...statuses[index],
          ...(slo.instance && { instance: slo.instance }),
          ...(slo.graphUrl && { graphUrl: slo.graphUrl }),
        },
        before?.status,
      );
      return {
        entityRef: slo.entityRef,
        sloName: slo.sloName,
        status,
        appendHistory: this.#historyDue(status, before),
      };
    });
    await this.#store.writeEntities(entityRefs, writes);
    return writes;
  }

  #historyDue(status: SloStatus, before: StoredSloStatus | undefined) {
    if (!before?.historyAt || before.status.state !== status.state) {
      return true;
    }
    return (
      Date.parse(status.measuredAt) - Date.parse(before.historyAt) >=
      this.#historyIntervalMs
    );
  }

  #plan(target: MeasureTarget, now: Date): Planned[] {
    const entityRef = stringifyEntityRef(target.entity);
    const named =
      target.entity.metadata.annotations?.[ANNOTATION_PROMETHEUS_INSTANCE];
    const instance = named?.trim() || this.#defaultInstance || null;
    let unusable: SloStatus | undefined;
    if (!instance) {
      unusable = statusWithoutFigures(
        'not-measured',
        `no Prometheus instance for this entity: set ${ANNOTATION_PROMETHEUS_INSTANCE} or mark an instance as default`,
        now,
      );
    } else if (!this.#clients.has(instance)) {
      unusable = statusWithoutFigures(
        'unavailable',
        `${ANNOTATION_PROMETHEUS_INSTANCE} names "${instance}", which is not in reliability.prometheus.instances`,
        now,
      );
    }
    return target.slos.slos.map(slo => {
      const base = {
        entityRef,
        sloName: slo.name,
        target: slo.target,
        instance,
        keys: [] as string[],
        exprs: [] as string[],
      };
      const plan = planMeasurement(slo, now);
      if (plan.kind === 'not-measured') {
        return {
          ...base,
          status: statusWithoutFigures('not-measured', plan.reason, now),
        };
      }
      if (unusable) {
        return { ...base, status: unusable };
      }
      const graphExpr = errorRatioExpr(plan.queries, '1h');
      const baseUrl = instance ? this.instanceUrl(instance) : undefined;
      return {
        ...base,
        keys: plan.queries.map(query => query.key),
        exprs: plan.queries.map(query => query.expr),
        ...(graphExpr &&
          baseUrl && { graphUrl: prometheusGraphUrl(baseUrl, graphExpr) }),
      };
    });
  }

  async #query(planned: Planned[], now: Date): Promise<SloStatus[]> {
    const byInstance = new Map<string, Planned[]>();
    for (const slo of planned) {
      if (!slo.status) {
        const list = byInstance.get(slo.instance!) ?? [];
        list.push(slo);
        byInstance.set(slo.instance!, list);
      }
    }
    const outcomes = new Map<Planned, QueryOutcome[]>();
    await Promise.all(
      [...byInstance].map(async ([instance, slos]) => {
        const exprs = slos.flatMap(slo => slo.exprs);
        const results = await runQueries(
          this.#clients.get(instance)!,
          exprs,
          now,
          this.#settings.batchSize,
        );
        let offset = 0;
        for (const slo of slos) {
          outcomes.set(slo, results.slice(offset, offset + slo.exprs.length));
          offset += slo.exprs.length;
        }
      }),
    );
    return planned.map(slo => {
      if (slo.status) {
        return slo.status;
      }
      const results = outcomes.get(slo)!;
      const failure = results.find(
        (result): result is Exclude<QueryOutcome, number | null> =>
          result !== null && typeof result === 'object',
      );
      if (failure) {
        this.#logger.debug(
          `SLO ${slo.sloName} of ${slo.entityRef} is unavailable: ${failure.message}`,
        );
        return statusWithoutFigures('unavailable', failure.message, now);
      }
      const answers = new Map(
        slo.keys.map((key, index) => [key, results[index] as number | null]),
      );
      return statusFromAnswers({ target: slo.target }, answers, {
        measuredAt: now,
        pairs: this.#settings.alertPairs,
      });
    });
  }
}
