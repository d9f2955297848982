import type { Knex } from 'knex';
import type { CheckState } from '@reliability-suite/plugin-reliability-common';
import { TABLES } from '../services/types';
import type { ResultRow } from '../database/resultRow';
import { COUNTER_COLUMNS } from '../database/coverageSql';
import { summarizeChecks, type CheckSummaryRow } from '../lib/checkSummary';
import { buildGroupAncestry, GroupNode } from '../lib/groupAncestry';

export interface FixtureEntity {
  name: string;
  owner?: string | null;
  system?: string | null;
  tier?: number | null;
  lifecycle?: string | null;
  inScope?: boolean;
  verdict?: 'ready' | 'ready-with-waivers' | 'not-ready' | null;
  score?: number | null;
  maturity?: number | null;
  title?: string | null;
  slo?: boolean;
  alerting?: boolean;
  oncall?: boolean;
  runbook?: boolean;
  dashboard?: boolean;
  waiver?: boolean;
  /** Check states beyond the defaults derived from the flags above. */
  checks?: Record<string, CheckState>;
  evaluatedAt?: string;
}

/** A results row as the results store writes it, built from a short description. */
export function fixtureRow(entity: FixtureEntity): {
  row: ResultRow;
  summary: CheckSummaryRow | null;
} {
  const entityRef = `component:default/${entity.name}`;
  const flag = (value: boolean | undefined) => value ?? false;
  const row: ResultRow = {
    entity_ref: entityRef,
    kind: 'Component',
    namespace: 'default',
    name: entity.name,
    title: entity.title ?? null,
    type: 'service',
    lifecycle: entity.lifecycle === undefined ? 'production' : entity.lifecycle,
    owner_ref:
      entity.owner === undefined ? 'group:default/team-a' : entity.owner,
    system_ref: entity.system ?? null,
    in_scope: entity.inScope ?? true,
    tier: entity.tier === undefined ? 1 : entity.tier,
    score: entity.score === undefined ? 50 : entity.score,
    verdict: entity.verdict === undefined ? 'not-ready' : entity.verdict,
    maturity_level: entity.maturity === undefined ? 1 : entity.maturity,
    expected_level: 3,
    gate_decision: 'warn',
    has_slo: flag(entity.slo),
    has_slo_alerting: flag(entity.alerting),
    has_oncall: flag(entity.oncall),
    has_runbook: flag(entity.runbook),
    has_dashboard: flag(entity.dashboard),
    has_waiver: flag(entity.waiver),
    result_hash: '0'.repeat(64),
    report: '{}',
    evaluated_at: entity.evaluatedAt ?? '2026-11-22T10:00:00.000Z',
  };
  const pass = (value: boolean | undefined): CheckState =>
    value ? 'pass' : 'fail';
  const checks: Record<string, CheckState> = {
    'slo-defined': pass(entity.slo),
    'slo-alerting': pass(entity.alerting),
    oncall: pass(entity.oncall),
    runbook: pass(entity.runbook),
    dashboard: pass(entity.dashboard),
    ...entity.checks,
  };
  const summary = summarizeChecks(
    entityRef,
    Object.entries(checks).map(([id, state]) => ({ id, state })),
  );
  return { row, summary };
}

export async function insertEntities(
  knex: Knex,
  entities: FixtureEntity[],
): Promise<void> {
  for (const entity of entities) {
    const { row, summary } = fixtureRow(entity);
    await knex(TABLES.results).insert(row).onConflict('entity_ref').merge();
    await knex(TABLES.checkSummaries)
      .where('entity_ref', row.entity_ref)
      .delete();
    if (summary) {
      await knex(TABLES.checkSummaries).insert(summary);
    }
  }
}

/** org > division > department > team-a / team-b (four levels), and org > platform. */
export const NESTED_GROUPS: GroupNode[] = [
  { ref: 'group:default/org' },
  { ref: 'group:default/division', parent: 'group:default/org' },
  { ref: 'group:default/department', parent: 'group:default/division' },
  { ref: 'group:default/team-a', parent: 'group:default/department' },
  { ref: 'group:default/team-b', parent: 'group:default/department' },
  { ref: 'group:default/platform', parent: 'group:default/org' },
];

export const nestedAncestry = () => buildGroupAncestry(NESTED_GROUPS);

/**
 * Inserts daily coverage rows as a snapshot would: the per-owner rows and their tier-only
 * roll-up.
 */
export async function insertDailyRows(
  knex: Knex,
  rows: Array<Record<string, string | number>>,
): Promise<void> {
  const counters = COUNTER_COLUMNS;
  await knex(TABLES.dailyCoverage).insert(rows);
  const byTier = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const key = [row.day, row.tier, row.lifecycle, row.kind].join('|');
    const sum = byTier.get(key) ?? {
      day: row.day,
      tier: row.tier,
      lifecycle: row.lifecycle,
      kind: row.kind,
    };
    for (const counter of counters) {
      sum[counter] = Number(sum[counter] ?? 0) + Number(row[counter] ?? 0);
    }
    byTier.set(key, sum);
  }
  await knex(TABLES.dailyTierCoverage).insert([...byTier.values()]);
}
