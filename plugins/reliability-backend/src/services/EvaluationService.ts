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
import type { EntityResult, ResultStore } from '../database/ResultStore';
import { buildReport } from '../lib/buildReport';
import { describeEntity } from '../lib/entityDescriptor';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';
import { runCustomChecks } from '../lib/customChecks';
import { CatalogContext, RunCatalogLookups } from './CatalogContext';
import type { SloSource } from '@reliability-suite/plugin-reliability-node';
import type { SloStatusReader } from './SloStatusService';
import type { OnCallService } from './oncall/OnCallService';
import type { EvaluationListener } from './notifications/ReadinessWatcher';
import type { EntityEvaluator, ReviewFacts, ReviewFactsReader } from './types';

/**
 * Entities scored between two turns of the event loop (a few milliseconds of work), so that
 * the previous page's write and the backend's HTTP requests are not held up by a whole page.
 */
const ENTITIES_PER_TURN = 32;

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
  /** Latest live SLO statuses; absent when no Prometheus is configured. */
  sloStatuses?: SloStatusReader;
  /** Live on-call (rotations and vendors); without it `oncall.live` is null. */
  oncall?: Pick<OnCallService, 'liveFor'>;
  /** The clock; injectable so tests and benchmarks are reproducible. */
  now?: () => Date;
  /** Catalog page size of a full run. */
  pageSize?: number;
  /** SLO files read in parallel per page. */
  sloConcurrency?: number;
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

  /**
   * Marks the runs a stopped backend left unfinished as abandoned; called at start-up,
   * before this process runs anything. Returns their ids: when there are any, the caller
   * evaluates the catalog at once rather than waiting for the scheduler's lock on the
   * task, which the stopped backend held until the task's timeout.
   */
  async abandonUnfinishedRuns(): Promise<number[]> {
    const abandoned = await this.#options.resultStore.abandonUnfinishedRuns(
      this.#now().toISOString(),
    );
    if (abandoned.length > 0) {
      this.#options.logger.warn(
        `Full evaluation run ${abandoned.join(
          ', ',
        )} did not finish (its backend stopped); marked as abandoned`,
      );
    }
    return abandoned;
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
    const results = await this.#scorePage(entities, credentials);
    await this.#options.resultStore.writeResults(results);
    await this.#notify(results);
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
    // One page is written while the next is read and scored.
    let pendingWrite: Promise<{ written: number }> | undefined;
    try {
      do {
        const page = await catalog.queryEntities(
          cursor
            ? { cursor, limit: pageSize, fields: ENTITY_FIELDS }
            : {
                filter: { kind: policy.scope.kinds },
                limit: pageSize,
                fields: ENTITY_FIELDS,
              },
          { credentials },
        );
        const results = await this.#scorePage(page.items, credentials, lookups);
        for (const result of results) {
          seen.add(result.entity.entityRef);
        }
        await this.#notify(results);
        if (pendingWrite) {
          written += (await pendingWrite).written;
        }
        pendingWrite = resultStore.writeResults(results);
        cursor = page.pageInfo.nextCursor;
      } while (cursor);
      written += (await pendingWrite)?.written ?? 0;
    } catch (error) {
      // Not left rejected and unobserved: the run's own error is the one to report.
      await pendingWrite?.catch(() => {});
      throw error;
    }

    const unseen = await resultStore.listResultsNotIn(seen);
    const unlisted = await this.#evaluateUnlisted(unseen, credentials, lookups);
    written += unlisted.written;
    for (const entityRef of unlisted.entityRefs) {
      seen.add(entityRef);
    }
    const deleted = await resultStore.deleteResults(
      unseen.filter(entityRef => !seen.has(entityRef)),
      { evaluatedBefore: startedAt },
    );
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

  /**
   * Evaluates the entities that have a stored result and are still in the catalog although
   * the run's query did not list them. The query's kind filter goes through the catalog's
   * search table, which can miss entities (seen on PostgreSQL); reading them by ref does not,
   * so they are kept evaluated instead of losing their results.
   */
  async #evaluateUnlisted(
    unseen: string[],
    credentials: BackstageCredentials,
    lookups: RunCatalogLookups,
  ): Promise<{ entityRefs: string[]; written: number }> {
    const { catalog, policy, resultStore, logger } = this.#options;
    const pageSize = this.#options.pageSize ?? 500;
    const kinds = new Set(policy.scope.kinds.map(kind => kind.toLowerCase()));
    const entityRefs: string[] = [];
    let written = 0;
    for (let start = 0; start < unseen.length; start += pageSize) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: unseen.slice(start, start + pageSize),
          fields: ENTITY_FIELDS,
        },
        { credentials },
      );
      const entities = items.filter(
        (entity): entity is Entity =>
          entity !== undefined && kinds.has(entity.kind.toLowerCase()),
      );
      if (entities.length === 0) {
        continue;
      }
      const results = await this.#scorePage(entities, credentials, lookups);
      written += (await resultStore.writeResults(results)).written;
      await this.#notify(results);
      entityRefs.push(...results.map(result => result.entity.entityRef));
    }
    if (entityRefs.length > 0) {
      logger.warn(
        `The catalog's query for kinds ${policy.scope.kinds.join(
          ', ',
        )} did not list ${
          entityRefs.length
        } entities that the catalog has (its search table misses them); evaluated them by ref: ${entityRefs
          .slice(0, 10)
          .join(', ')}${entityRefs.length > 10 ? ', ...' : ''}`,
      );
    }
    return { entityRefs, written };
  }

  /** Tells the listener (readiness-regression notifications) what a page scored. */
  async #notify(results: EntityResult[]): Promise<void> {
    const listener = this.#options.listener;
    if (!listener) {
      return;
    }
    for (const { entity, report } of results) {
      listener.scored(entity, report);
    }
    await listener.flush();
  }

  /**
   * Scores a page of entities. A full run passes its lookups so far (each owner and
   * dependency is looked up once a run); a refresh or a write looks everything up anew.
   */
  async #scorePage(
    entities: Entity[],
    credentials: BackstageCredentials,
    runLookups?: RunCatalogLookups,
  ): Promise<EntityResult[]> {
    const { policy, sloSource, reviewFacts, checkEvaluators } = this.#options;
    const refs = entities.map(entity => stringifyEntityRef(entity));
    const now = this.#now();
    const [slos, contexts, facts, liveStatuses, oncallLives] =
      await Promise.all([
        sloSource.loadMany
          ? sloSource.loadMany(entities, this.#options.sloConcurrency ?? 8, {
              // Every page of a run reads the same few hundred files; a refresh or a
              // write checks its entity's file anew.
              reuseRecentFileChecks: runLookups !== undefined,
            })
          : mapWithConcurrency(
              entities,
              this.#options.sloConcurrency ?? 8,
              entity => sloSource.load(entity),
            ),
        this.#catalogContext.resolve(entities, credentials, runLookups),
        reviewFacts.getFacts(refs),
        this.#options.sloStatuses?.getStatuses(refs),
        // A full run reads vendors from the cache the bulk task fills; a refresh reads them anew.
        this.#options.oncall?.liveFor(entities, now, {
          refresh: runLookups === undefined,
        }),
      ]);
    const evaluatedAt = now.toISOString();
    const withCustomChecks =
      checkEvaluators !== undefined && checkEvaluators.size > 0;

    const results: EntityResult[] = [];
    for (let index = 0; index < entities.length; index++) {
      if (index > 0 && index % ENTITIES_PER_TURN === 0) {
        await nextTurn();
      }
      const entity = entities[index];
      const entityRef = refs[index];
      const profile = readEntityProfile(entity, policy, { now });
      const context = contexts.get(entity) ?? { owner: null, dependencies: [] };
      const entityFacts = facts.get(entityRef) ?? NO_FACTS;
      const sloStatuses = liveStatuses
        ? liveStatuses.get(entityRef.toLocaleLowerCase('en-US')) ?? new Map()
        : undefined;
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
          sloStatuses,
          oncallLive: oncallLives?.[index] ?? null,
          now,
        },
        policy,
      );
      results.push({
        entity: describeEntity(entity),
        report: buildReport({
          entityRef,
          profile,
          slos: slos[index],
          sloStatuses,
          evaluation,
          oncallLive: oncallLives?.[index] ?? null,
          evaluatedAt,
        }),
      });
    }
    return results;
  }
}
