import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { readOnCall } from '@reliability-suite/plugin-reliability-common';
import { mapWithConcurrency } from '../../lib/mapWithConcurrency';
import type { OnCallService } from './OnCallService';
import type { OnCallKey, OnCallVendor } from './types';

/** The scheduled task that reads every referenced vendor key once and caches it. */
export const ONCALL_REFRESH_TASK_ID = 'reliability-oncall-refresh';

/**
 * One bulk fetch per referenced service / team / schedule: the catalog entities carrying a
 * configured vendor's annotation are listed (only their annotations), their keys deduplicated,
 * and each key read once and cached, so evaluations and page views hit the cache, not the
 * vendor (PagerDuty allows about 900 requests a minute per account).
 */
export class OnCallRefresher {
  constructor(
    private readonly options: {
      oncall: OnCallService;
      catalog: Pick<CatalogService, 'queryEntities'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      logger: LoggerService;
      now?: () => Date;
      concurrency?: number;
    },
  ) {}

  async run(): Promise<{ keys: number; failed: number }> {
    const { oncall, catalog, auth, logger } = this.options;
    const vendors = oncall.vendors;
    if (vendors.length === 0) {
      return { keys: 0, failed: 0 };
    }
    const credentials = await auth.getOwnServiceCredentials();
    const keys = new Map<string, { vendor: OnCallVendor; key: OnCallKey }>();
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: 500 }
          : {
              filter: vendors.flatMap(vendor =>
                vendor.annotations.map(annotation => ({
                  [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
                })),
              ),
              limit: 500,
              fields: [
                'kind',
                'metadata.name',
                'metadata.namespace',
                'metadata.annotations',
              ],
            },
        { credentials },
      );
      for (const entity of page.items) {
        const info = readOnCall(entity.metadata.annotations ?? {}, []);
        const vendor = info
          ? vendors.find(v => v.annotations.includes(info.annotation))
          : undefined;
        if (info && vendor) {
          keys.set(`${info.annotation}\n${info.reference}`, {
            vendor,
            key: { annotation: info.annotation, reference: info.reference },
          });
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    const now = (this.options.now ?? (() => new Date()))();
    let failed = 0;
    await mapWithConcurrency(
      [...keys.values()],
      this.options.concurrency ?? 4,
      async ({ vendor, key }) => {
        try {
          await oncall.fetchAndCache(vendor, key, now);
        } catch (error) {
          failed++;
          logger.warn(
            `On-call: ${key.annotation} ${key.reference} could not be read: ${
              (error as Error).message
            }`,
          );
        }
      },
    );
    logger.info(
      `On-call: read ${keys.size - failed} of ${keys.size} vendor keys`,
    );
    return { keys: keys.size, failed };
  }
}
