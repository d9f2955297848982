/**
 * Synthetic data of the coverage benchmark: a four-level group tree of ~300 groups, result
 * rows with their check summaries, and 400 days of daily coverage. Deterministic (seeded).
 */
import type { Knex } from 'knex';
import {
  DEFAULT_CHECK_IDS,
  type CheckState,
} from '@reliability-suite/plugin-reliability-common';
import { summarizeChecks, type CheckSummaryRow } from '../src/lib/checkSummary';
import { TABLES } from '../src/services/types';
import { buildGroupAncestry, GroupNode } from '../src/lib/groupAncestry';
import { addDays } from '../src/services/CoverageSnapshotService';
import type { DatabaseCoverageStore } from '../src/database/DatabaseCoverageStore';
import { COUNTER_COLUMNS } from '../src/database/coverageSql';
import { createRandom } from './syntheticCatalog';

const CHECK_IDS: readonly string[] = DEFAULT_CHECK_IDS;

/** The value whose cumulative probability first exceeds `roll` (the last one otherwise). */
function weighted<T>(roll: number, choices: Array<[number, T]>, last: T): T {
  let cumulative = 0;
  for (const [probability, value] of choices) {
    cumulative += probability;
    if (roll < cumulative) return value;
  }
  return last;
}

function verdictOf(scoped: boolean, ready: boolean, waived: boolean) {
  if (!scoped) return null;
  if (!ready) return 'not-ready';
  return waived ? 'ready-with-waivers' : 'ready';
}

/** org > 4 divisions > 16 departments > 272 teams: 293 groups, four levels. */
export function benchGroups(): {
  groups: GroupNode[];
  teams: string[];
  departments: string[];
} {
  const groups: GroupNode[] = [{ ref: 'group:default/org' }];
  const departments: string[] = [];
  const teams: string[] = [];
  for (let d = 0; d < 4; d++) {
    const division = `group:default/division-${d}`;
    groups.push({ ref: division, parent: 'group:default/org' });
    for (let p = 0; p < 4; p++) {
      const department = `group:default/department-${d}-${p}`;
      departments.push(department);
      groups.push({ ref: department, parent: division });
      for (let t = 0; t < 17; t++) {
        const team = `group:default/team-${d}-${p}-${t}`;
        teams.push(team);
        groups.push({ ref: team, parent: department });
      }
    }
  }
  return { groups, teams, departments };
}

export interface BenchCoverageData {
  groups: number;
  results: number;
  inScope: number;
  checkStates: number;
  dailyRowsPerDay: number;
  dailyRows: number;
  generateSeconds: number;
}

/**
 * Fills the coverage tables: `inScope` in-scope entities plus 10% out-of-scope ones, each
 * with a ~3 KB report (a real report's size, so scans read realistic pages), a check
 * summary listing which of its 16 checks fail, are unknown or are waived, and `days` days of history copied from today's snapshot with a rising
 * trend.
 */
export async function fillCoverageData(options: {
  knex: Knex;
  store: DatabaseCoverageStore;
  inScope: number;
  days: number;
  today: string;
}): Promise<BenchCoverageData> {
  const { knex, store, inScope, days, today } = options;
  const started = Date.now();
  const { next } = createRandom(42);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const { groups, teams, departments } = benchGroups();
  await store.replaceGroupAncestry(buildGroupAncestry(groups));

  const filler = Buffer.from(
    Array.from({ length: 2300 }, () => Math.floor(next() * 256)),
  ).toString('base64');
  const isSqlite = String(knex.client.config.client).includes('sqlite');
  const rowsPerInsert = isSqlite ? 35 : 1000;
  const summariesPerInsert = isSqlite ? 300 : 5000;
  const total = Math.round(inScope * 1.1);
  let written = 0;
  let states = 0;
  await knex.transaction(async tx => {
    let rows: Record<string, unknown>[] = [];
    const summaryRows: CheckSummaryRow[] = [];
    const flush = async (force: boolean) => {
      if (rows.length >= rowsPerInsert || (force && rows.length)) {
        await tx(TABLES.results).insert(rows);
        rows = [];
      }
      while (
        summaryRows.length >= summariesPerInsert ||
        (force && summaryRows.length)
      ) {
        await tx(TABLES.checkSummaries).insert(
          summaryRows.splice(0, summariesPerInsert),
        );
      }
    };
    for (let i = 0; i < total; i++) {
      const scoped = i < inScope;
      const owner = weighted<string | undefined>(
        next(),
        [
          [0.95, pick(teams)],
          [0.03, pick(departments)],
        ],
        `user:default/person-${i % 50}`,
      )!;
      const tier = weighted<number | null>(
        next(),
        [
          [0.1, 0],
          [0.25, 1],
          [0.35, 2],
          [0.2, 3],
        ],
        null,
      );
      const lifecycle = weighted(
        next(),
        [
          [0.7, 'production'],
          [0.2, 'experimental'],
        ],
        'deprecated',
      );
      const system =
        next() < 0.1
          ? null
          : `system:default/${owner.split('/')[1]}-system-${Math.floor(
              next() * 3,
            )}`;
      const maturity = tier === null ? 0.4 : 0.9 - tier * 0.15;
      const has = () => scoped && next() < maturity;
      const flags = {
        has_slo: has(),
        has_slo_alerting: false,
        has_oncall: has(),
        has_runbook: has(),
        has_dashboard: has(),
        has_waiver: scoped && next() < 0.05,
      };
      flags.has_slo_alerting = flags.has_slo && next() < 0.7;
      const ready =
        scoped && flags.has_slo && flags.has_oncall && flags.has_runbook;
      const name = `svc-${String(i).padStart(6, '0')}`;
      const entityRef = `component:default/${name}`;
      rows.push({
        entity_ref: entityRef,
        kind: 'Component',
        namespace: 'default',
        name,
        title: `Service ${i}`,
        type: scoped ? 'service' : 'library',
        lifecycle,
        owner_ref: owner,
        system_ref: system,
        in_scope: scoped,
        tier,
        score: scoped ? Math.floor(next() * 101) : null,
        verdict: verdictOf(scoped, ready, flags.has_waiver),
        maturity_level: scoped ? Math.floor(next() * 5) : null,
        expected_level: tier === null ? null : 4 - tier,
        gate_decision:
          verdictOf(scoped, ready, false) && (ready ? 'allow' : 'warn'),
        ...flags,
        result_hash: 'f'.repeat(64),
        report: `{"entityRef":"${entityRef}","padding":"${filler}"}`,
        evaluated_at: `${today}T06:00:00.000Z`,
      });
      if (scoped) {
        const checks = CHECK_IDS.map(checkId => ({
          id: checkId,
          state: weighted<CheckState>(
            next(),
            [
              [maturity, 'pass'],
              [0.03, 'waived'],
              [0.03, 'unknown'],
            ],
            'fail',
          ),
        }));
        // As the evaluation stores them: one summary of the checks needing attention.
        const summary = summarizeChecks(entityRef, checks);
        if (summary) {
          summaryRows.push(summary);
        }
        states += checks.filter(check => check.state !== 'pass').length;
      }
      written += 1;
      await flush(false);
    }
    await flush(true);
  });

  // A deployment past its first full evaluation has a finished run (the coverage `asOf`).
  await knex(TABLES.runs).insert({
    started_at: `${today}T05:59:00.000Z`,
    finished_at: `${today}T06:00:00.000Z`,
    evaluated: total,
    written: total,
    deleted: 0,
  });
  const dailyRowsPerDay = await store.writeDailySnapshot(today);
  // Earlier days: today's rows with a share that was lower in the past, a rising trend.
  const counters = COUNTER_COLUMNS.filter(column => column !== 'total');
  for (let back = 1; back < days; back++) {
    const factor = (1 - (0.5 * back) / days).toFixed(4);
    await knex.raw(
      `INSERT INTO ${
        TABLES.dailyCoverage
      } (day, tier, owner_ref, lifecycle, kind, total, ${counters.join(', ')})
       SELECT ?, tier, owner_ref, lifecycle, kind, total, ${counters
         .map(column => `CAST(${column} * ${factor} AS INTEGER)`)
         .join(', ')}
       FROM ${TABLES.dailyCoverage} WHERE day = ?`,
      [addDays(today, -back), today],
    );
  }
  for (let back = 1; back < days; back++) {
    const factor = (1 - (0.5 * back) / days).toFixed(4);
    await knex.raw(
      `INSERT INTO ${
        TABLES.dailyTierCoverage
      } (day, tier, lifecycle, kind, total, ${counters.join(', ')})
       SELECT ?, tier, lifecycle, kind, total, ${counters
         .map(column => `CAST(${column} * ${factor} AS INTEGER)`)
         .join(', ')}
       FROM ${TABLES.dailyTierCoverage} WHERE day = ?`,
      [addDays(today, -back), today],
    );
  }
  if (!isSqlite) {
    // PostgreSQL's autovacuum would have vacuumed and analysed tables this size long before
    // anyone read them (and the visibility map it sets is what allows index-only scans).
    await knex.raw('VACUUM ANALYZE');
  }
  return {
    groups: groups.length,
    results: written,
    inScope,
    checkStates: states,
    dailyRowsPerDay,
    dailyRows: dailyRowsPerDay * days,
    generateSeconds: (Date.now() - started) / 1000,
  };
}
