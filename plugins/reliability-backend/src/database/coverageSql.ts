import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import type {
  CoverageMeasure,
  EntityListFilter,
  EntitySort,
} from '@reliability-suite/plugin-reliability-common';
import { COVERAGE_NONE_KEY } from '@reliability-suite/plugin-reliability-common';
import { TABLES } from '../services/types';
import { summaryListNeedle } from '../lib/checkSummary';

/**
 * SQL fragments shared by the coverage store's queries. Every fragment is a constant chosen
 * from a whitelist (never built from input); values always go through bindings.
 */

const READY_VERDICTS = `('ready', 'ready-with-waivers')`;

/** Whether a results row (alias `r`) meets a measure: a boolean SQL expression. */
export const RESULT_MEASURE_SQL: Readonly<Record<CoverageMeasure, string>> = {
  withSlo: 'r.has_slo',
  withSloAlerting: 'r.has_slo_alerting',
  withOncall: 'r.has_oncall',
  withRunbook: 'r.has_runbook',
  withDashboard: 'r.has_dashboard',
  withSloDashboardRunbook: '(r.has_slo AND r.has_dashboard AND r.has_runbook)',
  ready: `(COALESCE(r.verdict, '') IN ${READY_VERDICTS})`,
  waived: 'r.has_waiver',
};

/** The daily-coverage column of each measure, in the order of {@link COUNTER_COLUMNS}. */
export const DAILY_MEASURE_COLUMN: Readonly<Record<CoverageMeasure, string>> = {
  withSlo: 'with_slo',
  withSloAlerting: 'with_slo_alerting',
  withOncall: 'with_oncall',
  withRunbook: 'with_runbook',
  withDashboard: 'with_dashboard',
  withSloDashboardRunbook: 'with_slo_dashboard_runbook',
  ready: 'ready',
  waived: 'waived',
};

const MEASURES = Object.keys(DAILY_MEASURE_COLUMN) as CoverageMeasure[];

/** `total` and the measure counters, as column names shared by every aggregate below. */
export const COUNTER_COLUMNS = [
  'total',
  ...MEASURES.map(measure => DAILY_MEASURE_COLUMN[measure]),
];

/** `COUNT(*) AS total, SUM(CASE WHEN <measure> ...) AS with_slo, ...` over results rows `r`. */
export const RESULT_COUNTERS_SQL = [
  'COUNT(*) AS total',
  ...MEASURES.map(
    measure =>
      `SUM(CASE WHEN ${RESULT_MEASURE_SQL[measure]} THEN 1 ELSE 0 END) AS ${DAILY_MEASURE_COLUMN[measure]}`,
  ),
].join(', ');

/** `SUM(<alias>.total) AS total, ...` re-aggregating already counted rows. */
export function sumCountersSql(alias: string): string {
  return COUNTER_COLUMNS.map(
    column => `SUM(${alias}.${column}) AS ${column}`,
  ).join(', ');
}

/** Reads the counters of an aggregate row (PostgreSQL returns bigint sums as strings). */
export function readCounters(
  row: Record<string, unknown>,
): { total: number } & Record<CoverageMeasure, number> {
  const counters = { total: Number(row.total ?? 0) } as {
    total: number;
  } & Record<CoverageMeasure, number>;
  for (const measure of MEASURES) {
    counters[measure] = Number(row[DAILY_MEASURE_COLUMN[measure]] ?? 0);
  }
  return counters;
}

/** `column = owner` or any group below it (the ancestry lists each group with itself). */
export function whereOwnedBy(
  query: Knex.QueryBuilder,
  db: Knex,
  column: string,
  owner: string,
  noneValue: string | null,
): void {
  if (owner === COVERAGE_NONE_KEY) {
    if (noneValue === null) {
      query.whereNull(column);
    } else {
      query.where(column, noneValue);
    }
    return;
  }
  query.where(inner =>
    inner
      .where(column, owner)
      .orWhereIn(
        column,
        db(TABLES.groupAncestry)
          .select('group_ref')
          .where('ancestor_ref', owner),
      ),
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, match => `\\${match}`);
}

/**
 * Applies the filters to a query over the results table aliased `r`. Only in-scope entities
 * are ever counted or listed. An absent `lifecycle` means every lifecycle (the routes resolve
 * the policy default before calling).
 */
export function applyResultFilter(
  query: Knex.QueryBuilder,
  db: Knex,
  filter: EntityListFilter,
): void {
  query.where('r.in_scope', true);
  if (filter.lifecycle) {
    query.whereIn('r.lifecycle', filter.lifecycle);
  }
  if (filter.kind) {
    const kinds = filter.kind.map(kind => kind.toLocaleLowerCase('en-US'));
    query.whereRaw(
      `LOWER(r.kind) IN (${kinds.map(() => '?').join(', ')})`,
      kinds,
    );
  }
  if (filter.system) {
    if (filter.system === COVERAGE_NONE_KEY) {
      query.whereNull('r.system_ref');
    } else {
      query.where('r.system_ref', filter.system);
    }
  }
  if (filter.owner) {
    whereOwnedBy(query, db, 'r.owner_ref', filter.owner, null);
  }
  if (filter.tier) {
    const levels = filter.tier.filter(
      (tier): tier is number => tier !== COVERAGE_NONE_KEY,
    );
    const withNone = levels.length !== filter.tier.length;
    query.where(inner => {
      if (levels.length > 0) {
        inner.whereIn('r.tier', levels);
      }
      if (withNone) {
        inner.orWhereNull('r.tier');
      }
    });
  }
  if (filter.verdict) {
    query.whereIn('r.verdict', filter.verdict);
  }
  if (filter.maturity) {
    query.whereIn('r.maturity_level', filter.maturity);
  }
  if (filter.failingCheck) {
    // One set of refs from the narrow summaries table, not a lookup per entity.
    query.whereIn(
      'r.entity_ref',
      db(TABLES.checkSummaries)
        .select('entity_ref')
        // A plain substring search: several times faster than LIKE on either database.
        .whereRaw(
          String(db.client.config.client).startsWith('pg')
            ? 'strpos(failing, ?) > 0'
            : 'instr(failing, ?) > 0',
          [summaryListNeedle(filter.failingCheck)],
        ),
    );
  }
  if (filter.stage) {
    query.whereRaw(RESULT_MEASURE_SQL[filter.stage]);
  }
  if (filter.missing) {
    query.whereRaw(`NOT ${RESULT_MEASURE_SQL[filter.missing]}`);
  }
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search.toLocaleLowerCase('en-US'))}%`;
    query.where(inner =>
      inner
        .whereRaw(`LOWER(r.name) LIKE ? ESCAPE '\\'`, [pattern])
        .orWhereRaw(`LOWER(COALESCE(r.title, '')) LIKE ? ESCAPE '\\'`, [
          pattern,
        ]),
    );
  }
}

/**
 * Applies the filters that exist as dimensions of the daily coverage table (alias `d`):
 * lifecycle, kind, owner (with descendants, by today's tree) and tier. A system filter is
 * refused: history is not kept per system.
 */
export function applyDailyFilter(
  query: Knex.QueryBuilder,
  db: Knex,
  filter: EntityListFilter,
): void {
  if (filter.lifecycle) {
    query.whereIn('d.lifecycle', filter.lifecycle);
  }
  if (filter.kind) {
    query.whereIn(
      'd.kind',
      filter.kind.map(kind => kind.toLocaleLowerCase('en-US')),
    );
  }
  if (filter.system) {
    throw new InputError(
      'Invalid system: daily history is kept per tier, owner, lifecycle and kind, not per system',
    );
  }
  if (filter.owner) {
    whereOwnedBy(query, db, 'd.owner_ref', filter.owner, '');
  }
  if (filter.tier) {
    query.whereIn(
      'd.tier',
      filter.tier.map(tier => (tier === COVERAGE_NONE_KEY ? -1 : tier)),
    );
  }
}

/** A number far above any tier level, so untiered entities sort after tier 3 (ascending). */
const UNTIERED_SORT_VALUE = 1000000;

/**
 * The sort expression of each entity-list sort. Each is non-null so keyset comparisons work;
 * verdicts sort from worst to best.
 */
export const SORT_SQL: Readonly<Record<EntitySort, string>> = {
  // People see the title (the name when there is none), so the list sorts by what it shows.
  name: 'LOWER(COALESCE(r.title, r.name))',
  tier: `COALESCE(r.tier, ${UNTIERED_SORT_VALUE})`,
  score: 'COALESCE(r.score, -1)',
  verdict: `CASE r.verdict WHEN 'not-ready' THEN 0 WHEN 'ready-with-waivers' THEN 1 WHEN 'ready' THEN 2 ELSE 3 END`,
  maturity: 'COALESCE(r.maturity_level, -1)',
};

/**
 * Restricts owner keys (roll-up rows) to a readable level of the tree: with an owner, the owner
 * and its direct sub-groups; without, the top two levels (roots and their children) plus
 * owners outside the group tree (users, unknown groups) and entities without an owner.
 */
export function whereOwnerKeyLevel(
  query: Knex.QueryBuilder,
  db: Knex,
  keySql: string,
  owner: string | undefined,
): void {
  if (owner && owner !== COVERAGE_NONE_KEY) {
    query.where(inner =>
      inner
        .whereRaw(`${keySql} = ?`, [owner])
        .orWhereExists(
          db(`${TABLES.groupAncestry} as p`)
            .select(db.raw('1'))
            .whereRaw(`p.group_ref = ${keySql}`)
            .where('p.ancestor_ref', owner)
            .where('p.depth', 1),
        ),
    );
    return;
  }
  query.whereNotExists(
    db(`${TABLES.groupAncestry} as p`)
      .select(db.raw('1'))
      .whereRaw(`p.group_ref = ${keySql}`)
      .where('p.depth', 2),
  );
}
