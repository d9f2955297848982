import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluateEntity,
  isInScope,
  readEntityProfile,
  type ReliabilityPolicy,
  type ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import type { ReliabilityCheckEvaluator } from '@reliability-suite/plugin-reliability-node';
import type {
  EntityResult,
  PageWrite,
  ResultStore,
} from '../database/ResultStore';
import { buildReport } from '../lib/buildReport';
import { describeEntity, type EntityDescriptor } from '../lib/entityDescriptor';
import type { PreparedResult } from '../lib/resultRow';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';
import { runCustomChecks } from '../lib/customChecks';
import { CatalogContext, RunCatalogLookups } from './CatalogContext';
import type { SloSource } from './SloLoader';
import type { EvaluationListener } from './notifications/ReadinessWatcher';
import type { EntityEvaluator, ReviewFacts, ReviewFactsReader } from './types';

/**
 * Entities scored between two turns of the event loop (a few milliseconds of work). A
 * page scored in one go held the thread for ~50 ms: each round trip of the previous
 * page's write (PostgreSQL's client runs on this thread) and every HTTP request of the
 * backend waited that long.
 */
export const ENTITIES_PER_TURN = 32;

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/** Only what evaluation reads; keeps relations and status out of each page. */
const ENTITY_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const NO_FACTS: ReviewFacts = { attestations: [], waivers: [] };

export interface EvaluationServiceOptions {
  catalog: Pick<
    CatalogService,
    'queryEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
  >;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: LoggerService;
  policy: ReliabilityPolicy;
  sloSource: SloSource;
  resultStore: ResultStore;
  reviewFacts: ReviewFactsReader;
  checkEvaluators?: ReadonlyMap<string, ReliabilityCheckEvaluator>;
  /** The clock; injectable so tests and benchmarks are reproducible. */
  now?: () => Date;
  /** Catalog page size of a full run. */
  pageSize?: number;
  /** SLO files read in parallel per page. */
  sloConcurrency?: number;
  /** Page writes of a full run that may be under way at once. */
  writesInFlight?: number;
  /** Told about every scored entity (readiness-regression notifications). */
  listener?: EvaluationListener;
}

export interface RunSummary {
  runId: number;
  startedAt: string;
  finishedAt: string;
  evaluated: number;
  written: number;
  deleted: number;
}

/**
 * Evaluates catalog entities against the policy and stores the results. A full run pages
 * through the catalog (never holding all of it), and per page loads SLO files with bounded
 * concurrency, resolves owners and dependencies in at most one catalog call (each ref once
 * a run), reads review facts in one query, scores each entity and writes only what changed.
 */
export class EvaluationService implements EntityEvaluator {
  readonly #options: EvaluationServiceOptions;
  readonly #catalogContext: CatalogContext;
  readonly #now: () => Date;
  #running?: Promise<RunSummary>;

  constructor(options: EvaluationServiceOptions) {
    this.#options = options;
    this.#catalogContext = new CatalogContext(options.catalog, options.policy);
    this.#now = options.now ?? (() => new Date());
  }

  /** Evaluates the whole catalog; concurrent calls share one run. */
  evaluateAll(): Promise<RunSummary> {
    if (!this.#running) {
      this.#running = this.#evaluateAll().finally(() => {
        this.#running = undefined;
      });
    }
    return this.#running;
  }

  async evaluateEntity(
    entityRef: string,
    options?: { credentials?: unknown },
  ): Promise<ReliabilityReport | undefined> {
    const credentials =
      (options?.credentials as BackstageCredentials | undefined) ??
      (await this.#options.auth.getOwnServiceCredentials());
    const entity = await this.#options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      return undefined;
    }
    const [report] = await this.evaluateAndStore([entity]);
    return report;
  }

  /**
   * Evaluates entities the caller already read from the catalog (with its own
   * credentials) and stores the results. Owners and dependencies are resolved with the
   * plugin's own credentials, so a stored result never depends on who asked for it.
   */
  async evaluateAndStore(entities: Entity[]): Promise<ReliabilityReport[]> {
    const credentials = await this.#options.auth.getOwnServiceCredentials();
    const results = await this.#evaluatePage(entities, credentials);
    await this.#options.resultStore.writeResults(results);
    const listener = this.#options.listener;
    if (listener) {
      for (const { entity, report } of results) {
        listener.scored(entity, report);
      }
      await listener.flush();
    }
    return results.map(result => result.report);
  }

  async #evaluateAll(): Promise<RunSummary> {
    const { catalog, resultStore, logger, policy } = this.#options;
    const pageSize = this.#options.pageSize ?? 500;
    const startedAt = this.#now().toISOString();
    const runId = await resultStore.startRun(startedAt);
    const credentials = await this.#options.auth.getOwnServiceCredentials();
    const lookups = new RunCatalogLookups();
    const seen = new Set<string>();
    let written = 0;
    let cursor: string | undefined;

    // Pages are written while the next ones are read and scored: with PostgreSQL the
    // database works on other cores while this process evaluates on its own, and two
    // page writes in flight (two connections) keep it busy while one commits.
    const writesInFlight = this.#options.writesInFlight ?? 2;
    const pendingWrites: Promise<void>[] = [];
    let writeFailure: { error: unknown } | undefined;
    const startWrite = (pageWrite: PageWrite) => {
      // The failure is kept rather than left as a rejected promise: nothing awaits it
      // until a later page is scored.
      pendingWrites.push(
        pageWrite.finish().then(
          outcome => {
            written += outcome.written;
          },
          error => {
            writeFailure = { error };
          },
        ),
      );
    };
    const settleWrites = async (keepInFlight: number) => {
      while (pendingWrites.length > keepInFlight) {
        await pendingWrites.shift();
      }
      if (writeFailure) {
        throw writeFailure.error;
      }
    };
    do {
      // Made ready (the SQLite writer thread started, on a run's first page) while the
      // catalog answers.
      const nextPageWrite = resultStore.beginPageWrite();
      const discardPageWrite = () =>
        nextPageWrite.then(
          pageWrite => pageWrite.discard(),
          () => {},
        );
      const page = await catalog
        .queryEntities(
          cursor
            ? { cursor, limit: pageSize, fields: ENTITY_FIELDS }
            : {
                filter: { kind: policy.scope.kinds },
                limit: pageSize,
                fields: ENTITY_FIELDS,
              },
          { credentials },
        )
        .catch(async error => {
          await discardPageWrite();
          throw error;
        });
      if (page.items.length > 0) {
        // Each result is serialised as soon as it is scored and each slice of a page
        // handed to the store as soon as it is done: kept for the whole page, its stored
        // text outlived two young-generation collections, and copying it into the old
        // generation (and collecting it there) cost more than a third of a run.
        const pageWrite = await nextPageWrite;
        let slice: PreparedResult[] = [];
        try {
          await this.#scorePage(
            page.items,
            credentials,
            (entity, report) => {
              const prepared = resultStore.prepare({ entity, report });
              seen.add(prepared.row.entity_ref);
              slice.push(prepared);
              this.#options.listener?.scored(entity, report);
            },
            {
              lookups,
              onSliceScored: () => {
                pageWrite.add(slice);
                slice = [];
              },
            },
          );
        } catch (error) {
          pageWrite.discard();
          throw error;
        }
        await settleWrites(writesInFlight - 1);
        startWrite(pageWrite);
        await this.#options.listener?.flush();
      } else {
        await discardPageWrite();
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    await settleWrites(0);

    const deleted = await resultStore.deleteResultsNotIn(seen, {
      evaluatedBefore: startedAt,
    });
    const finishedAt = this.#now().toISOString();
    await resultStore.finishRun(runId, {
      finishedAt,
      evaluated: seen.size,
      written,
      deleted,
    });
    logger.info(
      `Evaluated ${seen.size} entities: ${written} results changed, ${deleted} removed`,
    );
    return {
      runId,
      startedAt,
      finishedAt,
      evaluated: seen.size,
      written,
      deleted,
    };
  }

  #evaluatePage(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<EntityResult[]> {
    return this.#scorePage(entities, credentials, (entity, report) => ({
      entity,
      report,
    }));
  }

  /**
   * Scores a page of entities and hands each result to `collect` as soon as it is
   * computed, so a full run can serialise it at once and keep only the stored form.
   */
  async #scorePage<T>(
    entities: Entity[],
    credentials: BackstageCredentials,
    collect: (entity: EntityDescriptor, report: ReliabilityReport) => T,
    fullRun?: {
      /** The run's lookups so far; a refresh or a write looks everything up anew. */
      lookups: RunCatalogLookups;
      /** Called after each slice of ENTITIES_PER_TURN entities, and after the last. */
      onSliceScored(): void;
    },
  ): Promise<T[]> {
    const runLookups = fullRun?.lookups;
    const { policy, sloSource, reviewFacts, checkEvaluators } = this.#options;
    const refs = entities.map(entity => stringifyEntityRef(entity));
    const [slos, contexts, facts] = await Promise.all([
      sloSource.loadMany
        ? sloSource.loadMany(entities, this.#options.sloConcurrency ?? 8, {
            // Every page of a run reads the same few hundred files; a refresh or a
            // write checks its entity's file anew.
            reuseRecentFileChecks: fullRun !== undefined,
          })
        : mapWithConcurrency(
            entities,
            this.#options.sloConcurrency ?? 8,
            entity => sloSource.load(entity),
          ),
      this.#catalogContext.resolve(entities, credentials, runLookups),
      reviewFacts.getFacts(refs),
    ]);
    const now = this.#now();
    const evaluatedAt = now.toISOString();
    const withCustomChecks =
      checkEvaluators !== undefined && checkEvaluators.size > 0;

    const results: T[] = [];
    for (let index = 0; index < entities.length; index++) {
      if (index > 0 && index % ENTITIES_PER_TURN === 0) {
        fullRun?.onSliceScored();
        await nextTurn();
      }
      const entity = entities[index];
      const entityRef = refs[index];
      const profile = readEntityProfile(entity, policy, { now });
      const context = contexts.get(entity) ?? { owner: null, dependencies: [] };
      const entityFacts = facts.get(entityRef) ?? NO_FACTS;
      const externalResults =
        withCustomChecks && isInScope(entity, policy)
          ? await runCustomChecks({
              entity,
              policy,
              evaluators: checkEvaluators!,
              context: { profile, slos: slos[index], now },
            })
          : undefined;
      const evaluation = evaluateEntity(
        {
          entity,
          profile,
          slos: slos[index],
          owner: context.owner,
          dependencies: context.dependencies,
          attestations: entityFacts.attestations,
          waivers: entityFacts.waivers,
          externalResults,
          now,
        },
        policy,
      );
      results.push(
        collect(
          describeEntity(entity),
          buildReport({
            entityRef,
            profile,
            slos: slos[index],
            evaluation,
            evaluatedAt,
          }),
        ),
      );
    }
    fullRun?.onSliceScored();
    return results;
  }
}
