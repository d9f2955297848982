import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  COVERAGE_NONE_KEY,
  CoverageCounters,
  CoverageGroupBy,
  CoverageMeasure,
  CoverageRow,
  EntityListFilter,
  EntityListItem,
  GateDecision,
  HeatmapRow,
  HistorySeries,
  Verdict,
} from '@reliability-suite/plugin-reliability-common';
import { TABLES } from '../services/types';
import { AncestryRow, sameAncestry } from '../lib/groupAncestry';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import type { TeamCount } from '../lib/trendRanking';
import { getMigratedClient } from './migrations';
import { writeTransaction } from './writeTransaction';
import type {
  CoverageStore,
  EntityPage,
  EntityPageRequest,
} from './CoverageStore';
import {
  applyDailyFilter,
  applyResultFilter,
  COUNTER_COLUMNS,
  DAILY_MEASURE_COLUMN,
  readCounters,
  RESULT_COUNTERS_SQL,
  SORT_SQL,
  sumCountersSql,
  whereOwnerKeyLevel,
} from './coverageSql';

/** How long a CSV export's read may wait for a client that stopped reading. */
const CSV_IDLE_TIMEOUT = '60s';

/** The roll-up key of a pre-aggregated owner row `o` joined to the ancestry `a`. */
const OWNER_KEY_SQL = `COALESCE(a.ancestor_ref, NULLIF(o.owner_ref, ''))`;
/** Ancestry rows written per insert: 3 columns each, under SQLite's 999 bind variables. */
const ANCESTRY_ROWS_PER_INSERT = 300;

const ENTITY_COLUMNS = [
  'r.entity_ref',
  'r.kind',
  'r.namespace',
  'r.name',
  'r.title',
  'r.type',
  'r.lifecycle',
  'r.owner_ref',
  'r.system_ref',
  'r.tier',
  'r.score',
  'r.verdict',
  'r.maturity_level',
  'r.expected_level',
  'r.gate_decision',
  'r.has_slo',
  'r.has_slo_alerting',
  'r.has_oncall',
  'r.has_runbook',
  'r.has_dashboard',
  'r.has_waiver',
  'r.evaluated_at',
];

type Row = Record<string, any>;

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toEntityItem(row: Row): EntityListItem {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title ?? null,
    type: row.type ?? null,
    lifecycle: row.lifecycle ?? null,
    ownerRef: row.owner_ref ?? null,
    systemRef: row.system_ref ?? null,
    tier: nullableNumber(row.tier),
    score: nullableNumber(row.score),
    verdict: (row.verdict ?? null) as Verdict | null,
    maturityLevel: nullableNumber(row.maturity_level),
    expectedLevel: nullableNumber(row.expected_level),
    gateDecision: (row.gate_decision ?? null) as GateDecision | null,
    hasSlo: Boolean(row.has_slo),
    hasSloAlerting: Boolean(row.has_slo_alerting),
    hasOncall: Boolean(row.has_oncall),
    hasRunbook: Boolean(row.has_runbook),
    hasDashboard: Boolean(row.has_dashboard),
    hasWaiver: Boolean(row.has_waiver),
    evaluatedAt: row.evaluated_at,
  };
}

function toKey(value: unknown): string {
  return value === null || value === undefined || value === ''
    ? COVERAGE_NONE_KEY
    : String(value);
}

/** Keys in ascending order with "none" last; tiers numerically. */
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === COVERAGE_NONE_KEY) return 1;
  if (b === COVERAGE_NONE_KEY) return -1;
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : 1;
}

function tierKey(tier: unknown): string {
  return tier === null || tier === undefined || Number(tier) < 0
    ? COVERAGE_NONE_KEY
    : String(Number(tier));
}

/** Coverage aggregates in SQL over the results table, the group ancestry and the snapshots. */
export class DatabaseCoverageStore implements CoverageStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseCoverageStore> {
    const client = await getMigratedClient(options.database, {
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseCoverageStore(client);
  }

  readonly #isPostgres: boolean;

  private constructor(private readonly db: Knex) {
    this.#isPostgres = String(db.client.config.client ?? '').startsWith('pg');
  }

  async replaceGroupAncestry(
    rows: AncestryRow[],
  ): Promise<{ changed: boolean }> {
    return writeTransaction(this.db, async tx => {
      const stored: Row[] = await tx(TABLES.groupAncestry).select(
        'group_ref',
        'ancestor_ref',
        'depth',
      );
      const current = stored.map(row => ({
        groupRef: row.group_ref,
        ancestorRef: row.ancestor_ref,
        depth: Number(row.depth),
      }));
      if (sameAncestry(current, rows)) {
        return { changed: false };
      }
      await tx(TABLES.groupAncestry).delete();
      for (let i = 0; i < rows.length; i += ANCESTRY_ROWS_PER_INSERT) {
        await tx(TABLES.groupAncestry).insert(
          rows.slice(i, i + ANCESTRY_ROWS_PER_INSERT).map(row => ({
            group_ref: row.groupRef,
            ancestor_ref: row.ancestorRef,
            depth: row.depth,
          })),
        );
      }
      return { changed: true };
    });
  }

  async writeDailySnapshot(day: string): Promise<number> {
    const dimensions = [
      'COALESCE(r.tier, -1)',
      `COALESCE(r.owner_ref, '')`,
      `COALESCE(r.lifecycle, '')`,
      'LOWER(r.kind)',
    ];
    const columns = [
      'day',
      'tier',
      'owner_ref',
      'lifecycle',
      'kind',
      ...COUNTER_COLUMNS,
    ];
    return writeTransaction(this.db, async tx => {
      await tx(TABLES.dailyCoverage).where('day', day).delete();
      await tx.raw(
        `INSERT INTO ?? (${columns.map(() => '??').join(', ')})
         SELECT CAST(? AS VARCHAR(10)), ${dimensions.join(
           ', ',
         )}, ${RESULT_COUNTERS_SQL}
         FROM ?? r WHERE r.in_scope = ?
         GROUP BY ${dimensions.join(', ')}`,
        [TABLES.dailyCoverage, ...columns, day, TABLES.results, true],
      );
      // The tier-only roll-up of the same day, for the tier trend lines.
      await tx(TABLES.dailyTierCoverage).where('day', day).delete();
      const tierColumns = [
        'day',
        'tier',
        'lifecycle',
        'kind',
        ...COUNTER_COLUMNS,
      ];
      await tx.raw(
        `INSERT INTO ?? (${tierColumns.map(() => '??').join(', ')})
         SELECT d.day, d.tier, d.lifecycle, d.kind, ${sumCountersSql('d')}
         FROM ?? d WHERE d.day = ?
         GROUP BY d.day, d.tier, d.lifecycle, d.kind`,
        [TABLES.dailyTierCoverage, ...tierColumns, TABLES.dailyCoverage, day],
      );
      const [{ count }] = await tx(TABLES.dailyCoverage)
        .where('day', day)
        .count({ count: '*' });
      return Number(count);
    });
  }

  async writeScaledSnapshot(options: {
    fromDay: string;
    toDay: string;
    factor: number;
  }): Promise<number> {
    const { fromDay, toDay } = options;
    const factor = Math.min(1, Math.max(0, options.factor));
    const measureColumns = COUNTER_COLUMNS.filter(column => column !== 'total');
    const copy = async (
      tx: Knex.Transaction,
      table: string,
      dimensions: string[],
    ) => {
      await tx(table).where('day', toDay).delete();
      // One factor for all measures keeps their order (a <= b stays a f <= b f after the cast).
      await tx.raw(
        `INSERT INTO ?? (day, ${[...dimensions, 'total', ...measureColumns]
          .map(() => '??')
          .join(', ')})
         SELECT CAST(? AS VARCHAR(10)), ${dimensions
           .map(() => '??')
           .join(', ')}, total, ${measureColumns
          .map(() => 'CAST(?? * CAST(? AS REAL) AS INTEGER)')
          .join(', ')}
         FROM ?? WHERE day = ?`,
        [
          table,
          ...dimensions,
          'total',
          ...measureColumns,
          toDay,
          ...dimensions,
          ...measureColumns.flatMap(column => [column, factor]),
          table,
          fromDay,
        ],
      );
    };
    return writeTransaction(this.db, async tx => {
      await copy(tx, TABLES.dailyCoverage, [
        'tier',
        'owner_ref',
        'lifecycle',
        'kind',
      ]);
      await copy(tx, TABLES.dailyTierCoverage, ['tier', 'lifecycle', 'kind']);
      const [{ count }] = await tx(TABLES.dailyCoverage)
        .where('day', toDay)
        .count({ count: '*' });
      return Number(count);
    });
  }

  async deleteSnapshotsBefore(day: string): Promise<number> {
    await this.db(TABLES.dailyTierCoverage).where('day', '<', day).delete();
    return this.db(TABLES.dailyCoverage).where('day', '<', day).delete();
  }

  async getCoverage(
    groupBy: CoverageGroupBy,
    filter: EntityListFilter,
  ): Promise<CoverageRow[]> {
    let rows: Row[];
    if (groupBy === 'owner') {
      rows = await this.#ownerRows(filter, 'subtree');
    } else {
      const column = groupBy === 'tier' ? 'r.tier' : 'r.system_ref';
      const query = this.db(`${TABLES.results} as r`)
        .select(
          this.db.raw(`${column} AS group_key`),
          this.db.raw(RESULT_COUNTERS_SQL),
        )
        .groupBy(column);
      applyResultFilter(query, this.db, filter);
      rows = await query;
    }
    return rows
      .map(row => ({
        key: groupBy === 'tier' ? tierKey(row.group_key) : toKey(row.group_key),
        ...readCounters(row),
      }))
      .sort((a, b) => compareKeys(a.key, b.key));
  }

  async getTotals(filter: EntityListFilter): Promise<CoverageCounters> {
    const query = this.db(`${TABLES.results} as r`).select(
      this.db.raw(RESULT_COUNTERS_SQL),
    );
    applyResultFilter(query, this.db, filter);
    const [row] = await query;
    return readCounters(row ?? {});
  }

  async getAsOf(): Promise<string | null> {
    const [run] = await this.db(TABLES.runs).max({
      finishedAt: 'finished_at',
    });
    if (typeof run?.finishedAt === 'string') {
      return run.finishedAt;
    }
    // Before the first full run. Reading evaluated_at scans the wide results rows, which is
    // why the (indexed) run table comes first.
    const [result] = await this.db(TABLES.results).max({
      evaluatedAt: 'evaluated_at',
    });
    return typeof result?.evaluatedAt === 'string' ? result.evaluatedAt : null;
  }

  async getHistory(options: {
    groupBy: 'tier' | 'owner';
    from: string;
    to: string;
    filter: EntityListFilter;
  }): Promise<HistorySeries[]> {
    const { groupBy, from, to, filter } = options;
    let rows: Row[];
    if (groupBy === 'tier') {
      // Without an owner the tier-only roll-up has every needed dimension.
      const table = filter.owner
        ? TABLES.dailyCoverage
        : TABLES.dailyTierCoverage;
      const query = this.db(`${table} as d`)
        .select(
          'd.day',
          'd.tier as group_key',
          this.db.raw(sumCountersSql('d')),
        )
        .whereBetween('d.day', [from, to])
        .groupBy('d.day', 'd.tier')
        .orderBy('d.day');
      applyDailyFilter(query, this.db, filter);
      rows = await query;
    } else {
      const perOwner = this.db(`${TABLES.dailyCoverage} as d`)
        .select('d.day', 'd.owner_ref', this.db.raw(sumCountersSql('d')))
        .whereBetween('d.day', [from, to])
        .groupBy('d.day', 'd.owner_ref');
      applyDailyFilter(perOwner, this.db, filter);
      const query = this.db
        .from(perOwner.as('o'))
        .leftJoin(`${TABLES.groupAncestry} as a`, 'a.group_ref', 'o.owner_ref')
        .select(
          'o.day',
          this.db.raw(`${OWNER_KEY_SQL} AS group_key`),
          this.db.raw(sumCountersSql('o')),
        )
        .groupBy('o.day')
        .groupByRaw(OWNER_KEY_SQL)
        .orderBy('o.day');
      whereOwnerKeyLevel(query, this.db, OWNER_KEY_SQL, filter.owner);
      rows = await query;
    }
    const series = new Map<string, HistorySeries>();
    for (const row of rows) {
      const key =
        groupBy === 'tier' ? tierKey(row.group_key) : toKey(row.group_key);
      let entry = series.get(key);
      if (!entry) {
        entry = { key, points: [] };
        series.set(key, entry);
      }
      entry.points.push({ day: row.day, ...readCounters(row) });
    }
    return [...series.values()].sort((a, b) => compareKeys(a.key, b.key));
  }

  async getSnapshotDayOnOrBefore(day: string): Promise<string | null> {
    const [row] = await this.db(TABLES.dailyTierCoverage)
      .where('day', '<=', day)
      .max({ day: 'day' });
    return row?.day ?? null;
  }

  async getTeamCounts(options: {
    day: string;
    measure: CoverageMeasure;
    filter: EntityListFilter;
  }): Promise<TeamCount[]> {
    const { day, measure, filter } = options;
    const column = DAILY_MEASURE_COLUMN[measure];
    const perOwner = this.db(`${TABLES.dailyCoverage} as d`)
      .select(
        'd.owner_ref',
        this.db.raw('SUM(d.total) AS total'),
        this.db.raw(`SUM(d.${column}) AS count`),
      )
      .where('d.day', day)
      .groupBy('d.owner_ref');
    applyDailyFilter(perOwner, this.db, filter);
    // Teams are groups: the inner join leaves out users owning entities directly.
    const query = this.db
      .from(perOwner.as('o'))
      .join(`${TABLES.groupAncestry} as a`, 'a.group_ref', 'o.owner_ref')
      .select(
        'a.ancestor_ref as owner',
        this.db.raw('SUM(o.total) AS total'),
        this.db.raw('SUM(o.count) AS count'),
      )
      .groupBy('a.ancestor_ref');
    if (filter.owner && filter.owner !== COVERAGE_NONE_KEY) {
      query.whereIn(
        'a.ancestor_ref',
        this.db(TABLES.groupAncestry)
          .select('group_ref')
          .where('ancestor_ref', filter.owner),
      );
    }
    const rows: Row[] = await query;
    return rows.map(row => ({
      owner: row.owner,
      total: Number(row.total),
      count: Number(row.count),
    }));
  }

  async getHeatmap(filter: EntityListFilter): Promise<HeatmapRow[]> {
    // Each summary's failing and waived lists expanded to one row per check, counted per
    // direct owner: (owner, check, state, n), as the roll-up below takes them.
    const perOwnerOf = (list: 'failing' | 'waived') => {
      const query = this.db(`${TABLES.checkSummaries} as cs`)
        .join(`${TABLES.results} as r`, 'r.entity_ref', 'cs.entity_ref')
        .joinRaw(
          this.#isPostgres
            ? `CROSS JOIN LATERAL json_array_elements_text(cs.${list}::json) AS j(value)`
            : `CROSS JOIN json_each(cs.${list}) AS j`,
        )
        .select(
          'r.owner_ref',
          this.db.raw('j.value AS check_id'),
          this.db.raw(`'${list === 'waived' ? 'waived' : 'fail'}' AS state`),
          this.db.raw('COUNT(*) AS n'),
        )
        .groupBy('r.owner_ref', 'j.value');
      applyResultFilter(query, this.db, filter);
      return query;
    };
    // Each side as a derived table: SQLite allows no parenthesised SELECT in a UNION,
    // and knex would otherwise apply the first side's GROUP BY to the whole union.
    const perOwner = this.db
      .select('*')
      .from(perOwnerOf('failing').as('f'))
      .unionAll(this.db.select('*').from(perOwnerOf('waived').as('w')));
    const cellsQuery = this.db
      .from(perOwner.as('o'))
      .leftJoin(`${TABLES.groupAncestry} as a`, 'a.group_ref', 'o.owner_ref')
      .select(
        this.db.raw(`${OWNER_KEY_SQL} AS group_key`),
        'o.check_id',
        'o.state',
        this.db.raw('SUM(o.n) AS n'),
      )
      .groupByRaw(OWNER_KEY_SQL)
      .groupBy('o.check_id', 'o.state');
    whereOwnerKeyLevel(cellsQuery, this.db, OWNER_KEY_SQL, filter.owner);

    const [totals, cells]: [Row[], Row[]] = await Promise.all([
      this.#ownerRows(filter, 'level'),
      cellsQuery,
    ]);
    const rows = new Map<string, HeatmapRow>();
    for (const row of totals) {
      const key = toKey(row.group_key);
      rows.set(key, { key, total: Number(row.total), cells: {} });
    }
    for (const cell of cells) {
      const row = rows.get(toKey(cell.group_key));
      if (!row) continue;
      const entry = (row.cells[cell.check_id] ??= { failing: 0, waived: 0 });
      if (cell.state === 'waived') {
        entry.waived += Number(cell.n);
      } else {
        entry.failing += Number(cell.n);
      }
    }
    return [...rows.values()].sort((a, b) => compareKeys(a.key, b.key));
  }

  /**
   * Two steps, so filtering and sorting read only the covering index, never the wide rows:
   * the page's refs and sort values first, then the 50 rows themselves by primary key.
   */
  async listEntities(request: EntityPageRequest): Promise<EntityPage> {
    const { filter, sort, order, limit } = request;
    const sortSql = SORT_SQL[sort];
    const query = this.db(`${TABLES.results} as r`).select(
      'r.entity_ref',
      this.db.raw(`${sortSql} AS sort_value`),
    );
    // The total of a first page: a count query beside the page's (on PostgreSQL the two
    // run at once on two connections). On SQLite's one connection they run one after the
    // other, and the failing-check filter scans every check summary, so there that filter
    // counts in the page's own pass instead (for others a window would cost the default
    // view its early stop in index order).
    const countInline =
      request.withTotal === true &&
      !this.#isPostgres &&
      filter.failingCheck !== undefined;
    if (countInline) {
      query.select(this.db.raw('COUNT(*) OVER () AS total_count'));
    }
    applyResultFilter(query, this.db, filter);
    const separateCount =
      request.withTotal && !countInline ? this.#count(filter) : undefined;
    // Nothing awaits the count until the page is read; this keeps a failure from going
    // unhandled meanwhile.
    separateCount?.catch(() => {});
    if (request.cursor) {
      const cursor = decodeCursor(request.cursor, { sort, order });
      const op = order === 'asc' ? '>' : '<';
      query.where(inner =>
        inner
          .whereRaw(`${sortSql} ${op} ?`, [cursor.value])
          .orWhere(tie =>
            tie
              .whereRaw(`${sortSql} = ?`, [cursor.value])
              .where('r.entity_ref', op, cursor.entityRef),
          ),
      );
    }
    query
      .orderByRaw(`${sortSql} ${order === 'asc' ? 'ASC' : 'DESC'}`)
      .orderBy('r.entity_ref', order)
      .limit(limit + 1);
    const keys: Row[] = this.#isPostgres
      ? await this.db.transaction(async tx => {
          // The page's keys are read by one process. For large candidate sets
          // PostgreSQL planned a parallel sort, and starting its workers while the
          // page's count ran on the other core doubled the failing-check page's time
          // (p50 71-74 -> 26-39 ms on 50,000 entities, 2 cores).
          await tx.raw('SET LOCAL max_parallel_workers_per_gather = 0');
          return query.transacting(tx);
        })
      : await query;
    const page = keys.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      keys.length > limit && last
        ? encodeCursor({
            sort,
            order,
            value:
              typeof last.sort_value === 'string'
                ? last.sort_value
                : Number(last.sort_value),
            entityRef: last.entity_ref,
          })
        : null;
    const rows: Row[] = page.length
      ? await this.db(`${TABLES.results} as r`)
          .select(...ENTITY_COLUMNS)
          .whereIn(
            'r.entity_ref',
            page.map(key => key.entity_ref),
          )
      : [];
    const byRef = new Map(rows.map(row => [row.entity_ref, row]));
    const items = page
      .map(key => byRef.get(key.entity_ref))
      .filter((row): row is Row => row !== undefined)
      .map(toEntityItem);
    if (!request.withTotal) {
      return { items, nextCursor };
    }
    const total = countInline
      ? Number(keys[0]?.total_count ?? 0)
      : await separateCount!;
    return { items, nextCursor, total };
  }

  async *streamEntities(
    request: Pick<EntityPageRequest, 'filter' | 'sort' | 'order'>,
    batchSize: number,
  ): AsyncGenerator<EntityListItem[]> {
    if (!this.#isPostgres) {
      // SQLite's one connection serves every other request too: keyset pages let them in
      // between batches, and SQLite sorts a page's candidates faster than a round trip.
      let cursor: string | undefined;
      do {
        const page = await this.listEntities({
          ...request,
          limit: batchSize,
          cursor,
        });
        if (page.items.length > 0) {
          yield page.items;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return;
    }
    // One sorted read through a server-side cursor. Keyset pages sorted the matching rows
    // again for every batch (PostgreSQL cannot walk the coverage index in name order
    // across lifecycles): 50 sorts of 50,000 rows took a 50,000-row export over 5 s.
    const { filter, sort, order } = request;
    const sortSql = SORT_SQL[sort];
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const query = this.db(`${TABLES.results} as r`).select(...ENTITY_COLUMNS);
    applyResultFilter(query, this.db, filter);
    query.orderByRaw(`${sortSql} ${direction}`).orderBy('r.entity_ref', order);
    const { sql, bindings } = query.toSQL();
    const tx = await this.db.transaction(undefined, { readOnly: true });
    try {
      // A client that stops reading leaves the transaction idle: PostgreSQL ends it (and
      // frees the connection) after this long, and the export fails instead of hanging.
      await tx.raw(
        `SET LOCAL idle_in_transaction_session_timeout = '${CSV_IDLE_TIMEOUT}'`,
      );
      await tx.raw(`DECLARE reliability_export NO SCROLL CURSOR FOR ${sql}`, [
        ...bindings,
      ]);
      for (;;) {
        const { rows }: { rows: Row[] } = await tx.raw(
          `FETCH FORWARD ${Number(batchSize)} FROM reliability_export`,
        );
        if (rows.length > 0) {
          yield rows.map(toEntityItem);
        }
        if (rows.length < batchSize) {
          break;
        }
      }
      await tx.commit();
    } finally {
      if (!tx.isCompleted()) {
        await tx.rollback().catch(() => {});
      }
    }
  }

  async #count(filter: EntityListFilter): Promise<number> {
    const query = this.db(`${TABLES.results} as r`).count({ count: '*' });
    applyResultFilter(query, this.db, filter);
    const [row] = await query;
    return Number(row?.count ?? 0);
  }

  /**
   * Counters per owner key, rolled up the group tree: entities are counted per direct owner
   * first (a few hundred rows), then each owner's counts are added to all its ancestors.
   * `subtree` keeps the filtered owner's subtree (or everything); `level` keeps the readable
   * level of {@link whereOwnerKeyLevel}.
   */
  async #ownerRows(
    filter: EntityListFilter,
    keys: 'subtree' | 'level',
  ): Promise<Row[]> {
    const perOwner = this.db(`${TABLES.results} as r`)
      .select('r.owner_ref', this.db.raw(RESULT_COUNTERS_SQL))
      .groupBy('r.owner_ref');
    applyResultFilter(perOwner, this.db, filter);
    const query = this.db
      .from(perOwner.as('o'))
      .leftJoin(`${TABLES.groupAncestry} as a`, 'a.group_ref', 'o.owner_ref')
      .select(
        this.db.raw(`${OWNER_KEY_SQL} AS group_key`),
        this.db.raw(sumCountersSql('o')),
      )
      .groupByRaw(OWNER_KEY_SQL);
    const owner = filter.owner;
    if (keys === 'level') {
      whereOwnerKeyLevel(query, this.db, OWNER_KEY_SQL, owner);
    } else if (owner && owner !== COVERAGE_NONE_KEY) {
      // The entities are already limited to the owner's subtree; this drops its ancestors.
      query.where(inner =>
        inner
          .whereRaw(`${OWNER_KEY_SQL} = ?`, [owner])
          .orWhereRaw(
            `${OWNER_KEY_SQL} IN (SELECT group_ref FROM ${TABLES.groupAncestry} WHERE ancestor_ref = ?)`,
            [owner],
          ),
      );
    }
    return query;
  }
}
