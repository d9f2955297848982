import { createHash } from 'node:crypto';
import type {
  CheckState,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import type { EntityDescriptor } from './entityDescriptor';

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

/** A row of `reliability_check_states`. */
export interface CheckStateRow {
  entity_ref: string;
  check_id: string;
  state: CheckState;
  required: boolean;
}

export interface PreparedResult {
  row: ResultRow;
  checkStates: CheckStateRow[];
}

const PASSING: ReadonlySet<CheckState> = new Set(['pass', 'warn']);

/**
 * Builds the stored form of one evaluation. The hash covers the report without
 * `evaluatedAt` plus the descriptive columns, so an unchanged entity hashes the same on
 * every run and is not rewritten, while a renamed title or a new owner still is.
 */
export function prepareResult(
  entity: EntityDescriptor,
  report: ReliabilityReport,
): PreparedResult {
  const { evaluatedAt, ...withoutTimestamp } = report;
  const body = JSON.stringify(withoutTimestamp);
  // Appending the timestamp to the already serialised body avoids a second stringify of
  // the whole report (the dominant cost of a full run).
  const reportJson = `${body.slice(0, -1)},"evaluatedAt":${JSON.stringify(
    evaluatedAt,
  )}}`;
  const hash = createHash('sha256')
    .update(body)
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

  const checks = report.readiness?.checks ?? [];
  const stateOf = new Map(checks.map(check => [check.id, check.state]));
  const has = (checkId: string) => {
    const state = stateOf.get(checkId);
    return state !== undefined && PASSING.has(state);
  };

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
    has_slo: has('slo-defined'),
    has_slo_alerting: has('slo-alerting'),
    has_oncall: has('oncall'),
    has_runbook: has('runbook'),
    has_dashboard: has('dashboard'),
    has_waiver: checks.some(check => check.state === 'waived'),
    result_hash: hash,
    report: reportJson,
    evaluated_at: evaluatedAt,
  };

  return {
    row,
    checkStates: checks.map(check => ({
      entity_ref: entity.entityRef,
      check_id: check.id,
      state: check.state,
      required: check.required,
    })),
  };
}
