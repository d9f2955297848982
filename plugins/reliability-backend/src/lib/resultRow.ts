import { createHash, hash } from 'node:crypto';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type { ReportCodec } from './compactReport';
import type { EntityDescriptor } from './entityDescriptor';
import { summarizeChecks, type CheckSummaryRow } from './checkSummary';

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
  result_hash: string;
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
 * The stored JSON and its hash: sha256 of the stored body without `evaluatedAt`, a
 * newline and the descriptive columns as a JSON array. Built reports end with
 * `evaluatedAt` (see buildReport), so the stored JSON is serialised once and the hash
 * reads the part before that key in place: no second copy of a ~3.4 KB string per
 * entity, which with 50,000 entities was a large share of a full run's garbage.
 */
function encodeAndHash(
  entity: EntityDescriptor,
  report: ReliabilityReport,
  codec: ReportCodec,
): { reportJson: string; resultHash: string } {
  const descriptor = JSON.stringify([
    entity.kind,
    entity.namespace,
    entity.name,
    entity.title,
    entity.type,
    entity.lifecycle,
    entity.ownerRef,
    entity.systemRef,
  ]);
  const tail = `,"evaluatedAt":${JSON.stringify(report.evaluatedAt)}}`;
  const reportJson = codec.encodeBody(report);
  if (reportJson.endsWith(tail)) {
    return {
      reportJson,
      resultHash: createHash('sha256')
        .update(reportJson.slice(0, reportJson.length - tail.length))
        .update('}\n')
        .update(descriptor)
        .digest('hex'),
    };
  }
  // A report whose keys come in another order: serialised without the timestamp, which
  // is then appended, so the stored JSON still ends with it.
  const { evaluatedAt, ...withoutTimestamp } = report;
  const body = codec.encodeBody(withoutTimestamp);
  return {
    reportJson: `${body.slice(0, -1)},"evaluatedAt":${JSON.stringify(
      evaluatedAt,
    )}}`,
    resultHash: hash('sha256', `${body}\n${descriptor}`, 'hex'),
  };
}

/**
 * Builds the stored form of one evaluation: the report as the codec stores it (without
 * the policy's static check texts). The hash covers that stored body without
 * `evaluatedAt` plus the descriptive columns, so an unchanged entity hashes the same on
 * every run and is not rewritten, while a renamed title or a new owner still is.
 */
export function prepareResult(
  entity: EntityDescriptor,
  report: ReliabilityReport,
  codec: ReportCodec,
): PreparedResult {
  const { reportJson, resultHash } = encodeAndHash(entity, report, codec);

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
    result_hash: resultHash,
    report: reportJson,
    evaluated_at: report.evaluatedAt,
  };

  const checks = report.readiness?.checks ?? [];
  for (let index = 0; index < checks.length; index++) {
    const check = checks[index];
    const column = HAS_COLUMNS.get(check.id);
    if (column && (check.state === 'pass' || check.state === 'warn')) {
      (row as unknown as Record<string, boolean>)[column] = true;
    }
    if (check.state === 'waived') {
      row.has_waiver = true;
    }
  }
  return { row, checkSummary: summarizeChecks(entity.entityRef, checks) };
}
