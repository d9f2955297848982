import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_SLO_REF,
  isInScope,
  type ReliabilityPolicy,
} from '@reliability-suite/plugin-reliability-common';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';
import type { SloSource } from '@reliability-suite/plugin-reliability-node';
import type { SloStatusService } from './SloStatusService';
import type { SloMeasurementListener } from './notifications/SloStatusWatcher';

export const SLO_STATUS_TASK_ID = 'reliability-measure-slos';

export interface SloStatusRunOptions {
  catalog: Pick<CatalogService, 'queryEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  policy: ReliabilityPolicy;
  sloSource: SloSource;
  statuses: Pick<SloStatusService, 'measure' | 'deleteHistoryBefore'>;
  logger: LoggerService;
  /** History older than this is dropped (`reliability.retention.days`, as coverage). */
  retentionDays: number;
  pageSize?: number;
  now?: () => Date;
  /** Told about each page's new statuses (notifications of SLOs turning critical). */
  listener?: SloMeasurementListener;
}

const ENTITY_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The scheduled measurement of every SLO: pages through the in-scope entities that have an
 * SLO file, measures their SLOs (batched per Prometheus instance) and drops history past
 * retention.
 */
export class SloStatusRun {
  readonly #options: SloStatusRunOptions;

  constructor(options: SloStatusRunOptions) {
    this.#options = options;
  }

  async run(): Promise<{ entities: number; slos: number }> {
    const { catalog, auth, policy, sloSource, statuses, logger } =
      this.#options;
    const credentials = await auth.getOwnServiceCredentials();
    let cursor: string | undefined;
    let entities = 0;
    let slos = 0;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: this.#options.pageSize ?? 1000 }
          : {
              filter: {
                kind: policy.scope.kinds,
                [`metadata.annotations.${ANNOTATION_SLO_REF}`]:
                  CATALOG_FILTER_EXISTS,
              },
              limit: this.#options.pageSize ?? 1000,
              fields: ENTITY_FIELDS,
            },
        { credentials },
      );
      const inScope = page.items.filter(entity => isInScope(entity, policy));
      const loaded = sloSource.loadMany
        ? await sloSource.loadMany(inScope, 8, { reuseRecentFileChecks: true })
        : await mapWithConcurrency(inScope, 8, entity =>
            sloSource.load(entity),
          );
      const writes = await statuses.measure(
        inScope.map((entity, index) => ({ entity, slos: loaded[index] })),
      );
      await this.#options.listener?.measured(inScope, writes);
      entities += inScope.length;
      slos += writes.length;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    const now = (this.#options.now ?? (() => new Date()))();
    await statuses.deleteHistoryBefore(
      new Date(now.getTime() - this.#options.retentionDays * DAY_MS),
    );
    logger.info(`Measured ${slos} SLOs of ${entities} entities`);
    return { entities, slos };
  }
}
