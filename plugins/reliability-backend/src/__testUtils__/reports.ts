import { createHash } from 'node:crypto';
import type {
  CheckResult,
  CheckState,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import type { EntityDescriptor } from '../lib/entityDescriptor';

export function descriptorFor(
  name: string,
  overrides: Partial<EntityDescriptor> = {},
): EntityDescriptor {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    title: null,
    type: 'service',
    lifecycle: 'production',
    ownerRef: 'group:default/team-a',
    systemRef: null,
    ...overrides,
  };
}

export function checkResult(
  id: string,
  state: CheckState,
  overrides: Partial<CheckResult> = {},
): CheckResult {
  return {
    id,
    state,
    required: true,
    blocking: false,
    message: `${id} is ${state}`,
    howToFix: `Fix ${id}`,
    title: id,
    area: 'Operations',
    kind: 'automatic',
    ...overrides,
  };
}

/** A plausible in-scope report; tests vary the checks they care about. */
export function reportFor(
  entityRef: string,
  options: {
    checks?: CheckResult[];
    evaluatedAt?: string;
    inScope?: boolean;
    tier?: number | null;
  } = {},
): ReliabilityReport {
  const inScope = options.inScope ?? true;
  const checks = options.checks ?? [
    checkResult('owner', 'pass'),
    checkResult('slo-defined', 'fail'),
  ];
  const tier = options.tier === undefined ? 1 : options.tier;
  return {
    entityRef,
    inScope,
    tier: tier === null ? null : { level: tier, name: `Tier ${tier}` },
    slos: [],
    oncall: null,
    runbooks: [],
    dashboards: [],
    runbooksReviewed: null,
    readiness: inScope ? { score: 50, verdict: 'not-ready', checks } : null,
    maturity: inScope
      ? { level: 0, name: 'None', expectedLevel: 3, next: null }
      : null,
    gate: inScope
      ? { decision: 'block', reasons: ['owner missing'], enforced: true }
      : null,
    problems: [],
    evaluatedAt: options.evaluatedAt ?? '2026-11-22T10:00:00.000Z',
  };
}

/** The descriptive columns a result hash covers, in its order. */
export function descriptorColumns(entity: EntityDescriptor): unknown[] {
  return [
    entity.kind,
    entity.namespace,
    entity.name,
    entity.title,
    entity.type,
    entity.lifecycle,
    entity.ownerRef,
    entity.systemRef,
  ];
}

/**
 * The result hash as rows have always been hashed, restated here on purpose (not taken
 * from resultRow.ts) so that a change to the formula, which would rewrite every stored
 * row, fails the tests: sha256 of the stored body without `evaluatedAt`, a newline and
 * the descriptive columns as a JSON array.
 */
export function expectedResultHash(
  storedBody: string,
  entity: EntityDescriptor,
): string {
  return createHash('sha256')
    .update(`${storedBody}\n${JSON.stringify(descriptorColumns(entity))}`)
    .digest('hex');
}
