import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import type {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/types';
import {
  hasReliabilityAnnotations,
  Problem,
  ProfileTierDefinition,
  readEntityProfile,
} from '@reliability-suite/plugin-reliability-common';
import type { SloSource } from '@reliability-suite/plugin-reliability-node';
import { withProblemStatus } from './statusItems';

export interface ReliabilityAnnotationsProcessorOptions {
  /** The configured tier scale (`reliability.policy.tiers`, default 0-3). */
  tiers: ProfileTierDefinition[];
  logger: LoggerService;
  /** Reads and checks `reliability/slo-ref` files; without it they are not checked. */
  sloFiles?: SloSource;
  /** Injectable clock for the future-date check. */
  now?: () => Date;
}

/** Remembered between processing runs of one entity (the processor cache is per entity). */
interface ProcessorMemo {
  /** The problems last logged, so an unchanged entity is not logged on every run. */
  digest: string;
}

const MEMO_KEY = 'v1';

/**
 * Validates the suite's annotations on entities that carry any
 * `reliability/` annotation. Problems never reject the entity: emitting a catalog error
 * result would stop the entity from being stored (see the README), so they are attached
 * to the entity's `status.items` instead, and logged when they change.
 */
export class ReliabilityAnnotationsProcessor implements CatalogProcessor {
  readonly #options: ReliabilityAnnotationsProcessorOptions;

  constructor(options: ReliabilityAnnotationsProcessorOptions) {
    this.#options = options;
  }

  getProcessorName(): string {
    return 'ReliabilityAnnotationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    if (!hasReliabilityAnnotations(entity.metadata.annotations)) {
      return entity;
    }
    const entityRef = stringifyEntityRef(entity);
    try {
      const previous = await cache.get<JsonObject>(MEMO_KEY);
      const memo = previous as unknown as ProcessorMemo | undefined;
      const problems = await this.#validate(entity);
      const digest = problems
        .map(problem => `${problem.severity}:${problem.message}`)
        .join('\n');
      if (digest !== (memo?.digest ?? '')) {
        this.#log(entityRef, problems);
      }
      const next: ProcessorMemo = { digest };
      // Setting an unchanged value writes nothing: the engine compares the cache state.
      await cache.set(MEMO_KEY, next as unknown as JsonObject);
      return withProblemStatus(entity, problems);
    } catch (error) {
      // A bug here must never keep an entity out of the catalog.
      this.#options.logger.error(
        `Reliability annotation validation failed for ${entityRef}`,
        error as Error,
      );
      return entity;
    }
  }

  async #validate(entity: Entity): Promise<Problem[]> {
    const profile = readEntityProfile(
      entity,
      { tiers: this.#options.tiers },
      { now: this.#options.now?.() ?? new Date() },
    );
    const problems = [...profile.problems];
    if (!profile.sloRef || !this.#options.sloFiles) {
      return problems;
    }
    const sloFiles = await this.#options.sloFiles.load(entity);
    return [...problems, ...sloFiles.problems];
  }

  #log(entityRef: string, problems: Problem[]): void {
    if (problems.length === 0) {
      this.#options.logger.info(
        `${entityRef}: reliability annotations are valid again`,
      );
      return;
    }
    for (const problem of problems) {
      this.#options.logger.warn(`${entityRef}: ${problem.message}`, {
        entity: entityRef,
        severity: problem.severity,
        ...(problem.field && { field: problem.field }),
      });
    }
  }
}
