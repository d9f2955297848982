import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type { ReportCodec } from './compactReport';
import type { EntityDescriptor } from './entityDescriptor';
import { summarizeChecks, type CheckSummaryRow } from './checkSummary';
import { resultHash } from './resultHash';

/** A row of `reliability_entity_results`, as written. */
export interface ResultRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  in_scope: boolean;
  tier: number | null;
  score: number | null;
  verdict: string | null;
  maturity_level: number | null;
  expected_level: number | null;
  gate_decision: string | null;
  has_slo: boolean;
  has_slo_alerting: boolean;
  has_oncall: boolean;
  has_runbook: boolean;
  has_dashboard: boolean;
  has_waiver: boolean;
  /** null until the SQLite writer computes it (see prepareResult). */
  result_hash: string | null;
  report: string;
  evaluated_at: string;
}

export interface PreparedResult {
  row: ResultRow;
  /** The checks needing attention; null when none does (no row is stored). */
  checkSummary: CheckSummaryRow | null;
}

/** The checks whose pass (or warn) the `has_*` columns record. */
const HAS_COLUMNS: ReadonlyMap<string, keyof ResultRow> = new Map([
  ['slo-defined', 'has_slo'],
  ['slo-alerting', 'has_slo_alerting'],
  ['oncall', 'has_oncall'],
  ['runbook', 'has_runbook'],
  ['dashboard', 'has_dashboard'],
]);

/**
 * The stored JSON, ending with `evaluatedAt` (built reports do, see buildReport), so that
 * the hash can read the part before it in place.
 */
function encode(report: ReliabilityReport, codec: ReportCodec): string {
  const tail = `,"evaluatedAt":${JSON.stringify(report.evaluatedAt)}}`;
  const reportJson = codec.encodeBody(report);
  if (reportJson.endsWith(tail)) {
    return reportJson;
  }
  // A report whose keys come in another order: serialised without the timestamp, which
  // is then appended.
  const { evaluatedAt, ...withoutTimestamp } = report;
  return `${codec.encodeBody(withoutTimestamp).slice(0, -1)}${tail}`;
}

/**
 * Builds the stored form of one evaluation: the report as the codec stores it (without
 * the policy's static check texts) and its hash (see resultHash), which covers that
 * stored body without `evaluatedAt` plus the descriptive columns. With `hash: false` the
 * hash is left to the SQLite writer, which computes it on its own thread.
 */
export function prepareResult(
  entity: EntityDescriptor,
  report: ReliabilityReport,
  codec: ReportCodec,
  options?: { hash?: boolean },
): PreparedResult {
  const reportJson = encode(report, codec);
  const resultHashValue =
    options?.hash === false
      ? null
      : resultHash(reportJson, report.evaluatedAt, [
          entity.kind,
          entity.namespace,
          entity.name,
          entity.title,
          entity.type,
          entity.lifecycle,
          entity.ownerRef,
          entity.systemRef,
        ]);

  const row: ResultRow = {
    entity_ref: entity.entityRef,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title,
    type: entity.type,
    lifecycle: entity.lifecycle,
    owner_ref: entity.ownerRef,
    system_ref: entity.systemRef,
    in_scope: report.inScope,
    tier: report.tier?.level ?? null,
    score: report.readiness?.score ?? null,
    verdict: report.readiness?.verdict ?? null,
    maturity_level: report.maturity?.level ?? null,
    expected_level: report.maturity?.expectedLevel ?? null,
    gate_decision: report.gate?.decision ?? null,
    has_slo: false,
    has_slo_alerting: false,
    has_oncall: false,
    has_runbook: false,
    has_dashboard: false,
    has_waiver: false,
    result_hash: resultHashValue,
    report: reportJson,
    evaluated_at: report.evaluatedAt,
  };

  const checks = report.readiness?.checks ?? [];
  for (let index = 0; index < checks.length; index++) {
    const check = checks[index];
    if (check.state === 'pass' || check.state === 'warn') {
      const column = HAS_COLUMNS.get(check.id);
      if (column) {
        (row as unknown as Record<string, boolean>)[column] = true;
      }
    } else if (check.state === 'waived') {
      row.has_waiver = true;
    }
  }
  return { row, checkSummary: summarizeChecks(entity.entityRef, checks) };
}
