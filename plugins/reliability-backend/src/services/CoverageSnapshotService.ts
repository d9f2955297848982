import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { toFullRef } from '../lib/entityDescriptor';
import { buildGroupAncestry, GroupNode } from '../lib/groupAncestry';
import type { CoverageStore } from '../database/CoverageStore';
import { demoHistoryFactor } from '../domain/demoHistory';

export const COVERAGE_SNAPSHOT_TASK_ID = 'reliability-coverage-snapshot';
export const DEFAULT_RETENTION_DAYS = 400;
const GROUP_PAGE_SIZE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `reliability.retention.days`: how many days of daily coverage history to keep. */
export function readRetentionDays(config: Config): number {
  const days =
    config.getOptionalNumber('reliability.retention.days') ??
    DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `Invalid reliability.retention.days: must be a whole number of days of at least 1, got ${days}`,
    );
  }
  return days;
}

/**
 * `reliability.demo.seedHistoryDays`: demo only. Days of generated history to write once, when
 * the first snapshot finds no earlier day; absent means never.
 */
export function readDemoSeedHistoryDays(config: Config): number | undefined {
  const days = config.getOptionalNumber('reliability.demo.seedHistoryDays');
  if (days === undefined) return undefined;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `Invalid reliability.demo.seedHistoryDays: must be a whole number of days of at least 1, got ${days}`,
    );
  }
  return days;
}

/** YYYY-MM-DD of a date, in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/**
 * Keeps the coverage tables current: rebuilds the group ancestry from the catalog's Groups
 * (written only when the tree changed), writes today's snapshot of the results table (one
 * INSERT ... SELECT, rewritten on each run of the day) and drops days past retention.
 */
export class CoverageSnapshotService {
  readonly #catalog: Pick<CatalogService, 'queryEntities'>;
  readonly #auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  readonly #store: CoverageStore;
  readonly #logger: LoggerService;
  readonly #retentionDays: number;
  readonly #demoSeedHistoryDays: number | undefined;
  readonly #now: () => Date;

  constructor(options: {
    catalog: Pick<CatalogService, 'queryEntities'>;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    store: CoverageStore;
    logger: LoggerService;
    retentionDays?: number;
    /** Demo only: days of generated history to write when the history is empty. */
    demoSeedHistoryDays?: number;
    now?: () => Date;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.#demoSeedHistoryDays = options.demoSeedHistoryDays;
    this.#now = options.now ?? (() => new Date());
  }

  async run(): Promise<{
    ancestryChanged: boolean;
    day: string;
    snapshotRows: number;
    deletedRows: number;
  }> {
    const { changed } = await this.rebuildGroupAncestry();
    const day = utcDay(this.#now());
    const snapshotRows = await this.#store.writeDailySnapshot(day);
    if (snapshotRows > 0) await this.#seedDemoHistory(day);
    const deletedRows = await this.#store.deleteSnapshotsBefore(
      addDays(day, -(this.#retentionDays - 1)),
    );
    this.#logger.info(
      `Coverage snapshot of ${day}: ${snapshotRows} rows written, ${deletedRows} expired rows removed, group tree ${
        changed ? 'updated' : 'unchanged'
      }`,
    );
    return { ancestryChanged: changed, day, snapshotRows, deletedRows };
  }

  /**
   * A fresh demo has one day of history, so trends, movers and targets could show nothing:
   * with `reliability.demo.seedHistoryDays`, the first snapshot is copied back that many days,
   * scaled down, once, and only when no earlier day exists.
   */
  async #seedDemoHistory(today: string): Promise<void> {
    const days = Math.min(
      this.#demoSeedHistoryDays ?? 0,
      this.#retentionDays - 1,
    );
    if (days < 1) return;
    if (await this.#store.getSnapshotDayOnOrBefore(addDays(today, -1))) return;
    for (let daysBack = 1; daysBack <= days; daysBack++) {
      await this.#store.writeScaledSnapshot({
        fromDay: today,
        toDay: addDays(today, -daysBack),
        factor: demoHistoryFactor(daysBack, days),
      });
    }
    this.#logger.warn(
      `Wrote ${days} days of GENERATED DEMO coverage history before ${today} (reliability.demo.seedHistoryDays): not real data`,
    );
  }

  async rebuildGroupAncestry(): Promise<{ changed: boolean }> {
    const groups = await this.#readGroups();
    return this.#store.replaceGroupAncestry(buildGroupAncestry(groups));
  }

  async #readGroups(): Promise<GroupNode[]> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const fields = [
      'kind',
      'metadata.namespace',
      'metadata.name',
      'spec.parent',
      'spec.children',
    ];
    const groups: GroupNode[] = [];
    let cursor: string | undefined;
    do {
      const response = await this.#catalog.queryEntities(
        cursor
          ? { cursor, limit: GROUP_PAGE_SIZE, fields }
          : { filter: { kind: 'Group' }, limit: GROUP_PAGE_SIZE, fields },
        { credentials },
      );
      for (const entity of response.items) {
        const namespace = entity.metadata.namespace ?? 'default';
        const ref = toFullRef(
          `group:${namespace}/${entity.metadata.name}`,
          'group',
          namespace,
        );
        if (!ref) continue;
        const spec = (entity.spec ?? {}) as Record<string, unknown>;
        const children = Array.isArray(spec.children) ? spec.children : [];
        groups.push({
          ref,
          parent: toFullRef(spec.parent, 'group', namespace) ?? undefined,
          children: children
            .map(child => toFullRef(child, 'group', namespace))
            .filter((child): child is string => child !== null),
        });
      }
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
    return groups;
  }
}
