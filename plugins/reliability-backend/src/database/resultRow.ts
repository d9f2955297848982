import { createHash } from 'node:crypto';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type { EntityDescriptor } from '../lib/entityDescriptor';
import { summarizeChecks, type CheckSummaryRow } from '../lib/checkSummary';
import type { StoredReportCodec } from './storedReport';

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

/** One evaluation in its stored form: the result row and its check summary. */
export interface EncodedResult {
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
 * The stored report JSON (see StoredReportCodec), always ending with its `evaluatedAt`
 * member; the hash covers the text before it.
 */
function encodeReport(
  report: ReliabilityReport,
  codec: StoredReportCodec,
): {
  json: string;
  body: string;
} {
  const { evaluatedAt, ...withoutTimestamp } = report;
  const body = codec.encodeBody(withoutTimestamp);
  return {
    json: `${body.slice(0, -1)},"evaluatedAt":${JSON.stringify(evaluatedAt)}}`,
    body,
  };
}

/**
 * What a stored result is compared by: sha256 of the stored JSON without `evaluatedAt`, a
 * newline and the descriptive columns as a JSON array. An unchanged entity hashes the same on
 * every run and is not rewritten, while a renamed title or a new owner still is.
 */
export function resultHash(
  reportBody: string,
  entity: EntityDescriptor,
): string {
  return createHash('sha256')
    .update(reportBody)
    .update('\n')
    .update(
      JSON.stringify([
        entity.kind,
        entity.namespace,
        entity.name,
        entity.title,
        entity.type,
        entity.lifecycle,
        entity.ownerRef,
        entity.systemRef,
      ]),
    )
    .digest('hex');
}

/** The stored form of one evaluation: the row, with its hash, and its check summary. */
export function encodeResult(
  entity: EntityDescriptor,
  report: ReliabilityReport,
  codec: StoredReportCodec,
): EncodedResult {
  const { json, body } = encodeReport(report, codec);
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
    result_hash: resultHash(body, entity),
    report: json,
    evaluated_at: report.evaluatedAt,
  };

  const checks = report.readiness?.checks ?? [];
  for (const check of checks) {
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
