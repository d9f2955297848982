import {
  COVERAGE_MEASURE_LABELS,
  CoverageFilter,
  CoverageGroupBy,
  CoverageMeasure,
  CoverageResponse,
  CoverageTarget,
  EntityListFilter,
  EntityListResponse,
  EntitySort,
  HeatmapResponse,
  HistoryResponse,
  MoversResponse,
  ReliabilityPolicy,
  TargetReport,
  TargetsResponse,
} from '@reliability-suite/plugin-reliability-common';
import type { CoverageStore } from '../database/CoverageStore';
import { describeTarget } from '../lib/coverageTargets';
import { ENTITY_CSV_HEADER, entityCsvLine } from '../lib/entityCsv';
import { evaluateTarget, SharePoint } from '../lib/targetStatus';
import { rankMovements, teamMovements } from '../lib/trendRanking';
import { addDays, utcDay } from './CoverageSnapshotService';

/** Lifecycle filter value meaning "every lifecycle", overriding the policy default. */
export const ALL_LIFECYCLES = '*';
/** Days of history a target's trend is fitted on: recent pace matters more than old history. */
export const TARGET_TREND_DAYS = 90;
export const MOVER_WINDOWS = [30, 90] as const;
/** Rows per keyset batch of the CSV export: memory stays flat whatever the result size. */
export const CSV_BATCH_SIZE = 1000;

export interface EntityListRequest {
  filter: EntityListFilter;
  sort: EntitySort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

/**
 * The leads' view over the coverage store: applies the policy's default lifecycles, reads
 * targets against the history, ranks movers and pages entities. All figures come from stored
 * rows; nothing here reads the catalog.
 */
export class CoverageService {
  readonly #store: CoverageStore;
  readonly #policy: Pick<ReliabilityPolicy, 'coverageLifecycles' | 'checks'>;
  readonly #targets: CoverageTarget[];
  readonly #now: () => Date;
  readonly #csvBatchSize: number;

  constructor(options: {
    store: CoverageStore;
    policy: Pick<ReliabilityPolicy, 'coverageLifecycles' | 'checks'>;
    targets?: CoverageTarget[];
    now?: () => Date;
    csvBatchSize?: number;
  }) {
    this.#store = options.store;
    this.#policy = options.policy;
    this.#targets = options.targets ?? [];
    this.#now = options.now ?? (() => new Date());
    this.#csvBatchSize = options.csvBatchSize ?? CSV_BATCH_SIZE;
  }

  /**
   * Without `lifecycle` the policy's `coverageLifecycles` apply; `*` (or an empty policy list)
   * means every lifecycle, which the store expresses as no lifecycle filter.
   */
  resolveFilter<T extends CoverageFilter>(filter: T): T {
    const lifecycle = filter.lifecycle ?? this.#policy.coverageLifecycles;
    return {
      ...filter,
      lifecycle:
        lifecycle.length === 0 || lifecycle.includes(ALL_LIFECYCLES)
          ? undefined
          : lifecycle,
    };
  }

  async getCoverage(
    groupBy: CoverageGroupBy,
    filter: EntityListFilter,
  ): Promise<CoverageResponse> {
    const [rows, asOf] = await Promise.all([
      this.#store.getCoverage(groupBy, this.resolveFilter(filter)),
      this.#asOf(),
    ]);
    return { rows, asOf };
  }

  async getTargets(): Promise<TargetsResponse> {
    const today = utcDay(this.#now());
    const targets = await Promise.all(
      this.#targets.map(target => this.#reportTarget(target, today)),
    );
    return { targets, asOf: await this.#asOf() };
  }

  async getHistory(
    groupBy: 'tier' | 'owner',
    days: number,
    filter: EntityListFilter,
  ): Promise<HistoryResponse> {
    const to = utcDay(this.#now());
    const from = addDays(to, -(days - 1));
    const series = await this.#store.getHistory({
      groupBy,
      from,
      to,
      filter: this.resolveFilter(filter),
    });
    return { groupBy, from, to, series };
  }

  async getMovers(
    measure: CoverageMeasure,
    filter: EntityListFilter,
    limit: number,
  ): Promise<MoversResponse> {
    const resolved = this.resolveFilter(filter);
    const toDay = await this.#store.getSnapshotDayOnOrBefore(
      utcDay(this.#now()),
    );
    const after = toDay
      ? await this.#store.getTeamCounts({
          day: toDay,
          measure,
          filter: resolved,
        })
      : [];
    const windows = await Promise.all(
      MOVER_WINDOWS.map(async days => {
        const fromDay = toDay
          ? await this.#store.getSnapshotDayOnOrBefore(addDays(toDay, -days))
          : null;
        const before = fromDay
          ? await this.#store.getTeamCounts({
              day: fromDay,
              measure,
              filter: resolved,
            })
          : [];
        return {
          days,
          fromDay,
          toDay,
          ...rankMovements(teamMovements(before, after), limit),
        };
      }),
    );
    return { measure, windows };
  }

  async getHeatmap(filter: EntityListFilter): Promise<HeatmapResponse> {
    const rows = await this.#store.getHeatmap(this.resolveFilter(filter));
    const checkIds = this.#policy.checks.map(check => check.id);
    const known = new Set(checkIds);
    for (const row of rows) {
      for (const id of Object.keys(row.cells)) {
        if (!known.has(id)) {
          known.add(id);
          checkIds.push(id);
        }
      }
    }
    const checkTitles = Object.fromEntries(
      this.#policy.checks.map(check => [check.id, check.title]),
    );
    return { checkIds, checkTitles, rows };
  }

  async listEntities(request: EntityListRequest): Promise<EntityListResponse> {
    const filter = this.resolveFilter(request.filter);
    // Counted with the first page only: later pages of the same view have the same total.
    const { total, ...page } = await this.#store.listEntities({
      ...request,
      filter,
      withTotal: !request.cursor,
    });
    return { ...page, totalCount: request.cursor ? null : total ?? 0 };
  }

  /**
   * The CSV export of the same filtered, sorted set as the list, as text chunks: the header,
   * then one chunk per batch the store reads (see CoverageStore.streamEntities), so only
   * one batch is ever held in memory.
   */
  async *entityCsv(
    request: Omit<EntityListRequest, 'limit' | 'cursor'>,
  ): AsyncGenerator<string> {
    const filter = this.resolveFilter(request.filter);
    yield ENTITY_CSV_HEADER;
    for await (const items of this.#store.streamEntities(
      { filter, sort: request.sort, order: request.order },
      this.#csvBatchSize,
    )) {
      yield items.map(entityCsvLine).join('');
    }
  }

  async #reportTarget(
    target: CoverageTarget,
    today: string,
  ): Promise<TargetReport> {
    const filter = this.resolveFilter({
      tier: target.tier === undefined ? undefined : [target.tier],
      owner: target.owner,
    } as EntityListFilter);
    const [totals, series] = await Promise.all([
      this.#store.getTotals(filter),
      this.#store.getHistory({
        groupBy: 'tier',
        from: addDays(today, -(TARGET_TREND_DAYS - 1)),
        to: today,
        filter,
      }),
    ]);
    // Tiers are summed per day: a target over all tiers follows the combined share.
    const perDay = new Map<string, { total: number; count: number }>();
    for (const { points } of series) {
      for (const point of points) {
        const sum = perDay.get(point.day) ?? { total: 0, count: 0 };
        sum.total += point.total;
        sum.count += point[target.measure];
        perDay.set(point.day, sum);
      }
    }
    const history: SharePoint[] = [...perDay.entries()]
      .filter(([, sum]) => sum.total > 0)
      .map(([day, sum]) => ({ day, share: sum.count / sum.total }));
    const count = totals[target.measure];
    const current = totals.total > 0 ? count / totals.total : 0;
    const evaluation = evaluateTarget({
      target: target.target,
      by: target.by,
      current,
      history,
      today,
    });
    return {
      ...target,
      title: describeTarget(target, COVERAGE_MEASURE_LABELS[target.measure]),
      ...evaluation,
      current,
      count,
      total: totals.total,
      historyDays: history.length,
    };
  }

  async #asOf(): Promise<string> {
    return (await this.#store.getAsOf()) ?? this.#now().toISOString();
  }
}
