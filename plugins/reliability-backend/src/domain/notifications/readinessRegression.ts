import type {
  CheckState,
  GateDecision,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import { entityLabel, reliabilityTabPath } from './links';
import { NOTIFICATION_TOPICS, type NotificationIntent } from './types';

/** What a regression is judged on: the required checks' states and the gate's decision. */
export interface ReadinessSummary {
  /** State per required check id. */
  required: Record<string, CheckState>;
  /** Title per required check id, for the message. */
  titles: Record<string, string>;
  gate: GateDecision | null;
}

/** A check that counts as satisfied: a waived check passes the gate as well. */
const SATISFIED: ReadonlySet<CheckState> = new Set(['pass', 'waived']);
/** What a satisfied check may regress to; `warn` and `not-applicable` are not regressions. */
const REGRESSED: ReadonlySet<CheckState> = new Set(['fail', 'unknown']);

/** The summary of a report, or null for an entity outside the policy's scope. */
export function summarizeReadiness(
  report: ReliabilityReport,
): ReadinessSummary | null {
  if (!report.inScope || !report.readiness) {
    return null;
  }
  const required: Record<string, CheckState> = {};
  const titles: Record<string, string> = {};
  for (const check of report.readiness.checks) {
    if (check.required) {
      required[check.id] = check.state;
      titles[check.id] = check.title;
    }
  }
  return { required, titles, gate: report.gate?.decision ?? null };
}

/** Whether two summaries differ in anything a later comparison looks at. */
export function sameReadiness(
  a: ReadinessSummary | null,
  b: ReadinessSummary | null,
): boolean {
  if (a === null || b === null) {
    return a === b;
  }
  const ids = Object.keys(a.required);
  return (
    a.gate === b.gate &&
    ids.length === Object.keys(b.required).length &&
    ids.every(id => a.required[id] === b.required[id])
  );
}

/** Required checks that went from satisfied to fail or unknown, in the order of `after`. */
export function regressedChecks(
  before: ReadinessSummary,
  after: ReadinessSummary,
): string[] {
  return Object.keys(after.required).filter(id => {
    const previous = before.required[id];
    return (
      previous !== undefined &&
      SATISFIED.has(previous) &&
      REGRESSED.has(after.required[id])
    );
  });
}

/**
 * The owners' notification when a stored result regressed: a required check went from
 * passing (or waived) to fail or unknown, or the gate from allow to block. Null when nothing
 * regressed, and on the first result of an entity (there is nothing to compare with).
 * `observedAt` makes the delivery key unique per regression; the scope stays per entity, so a
 * later regression updates the same notification.
 */
export function decideReadinessRegression(options: {
  entityRef: string;
  entityTitle?: string | null;
  before: ReadinessSummary | null;
  after: ReadinessSummary | null;
  observedAt: string;
}): NotificationIntent | null {
  const { entityRef, before, after, observedAt } = options;
  if (!before || !after) {
    return null;
  }
  const checks = regressedChecks(before, after);
  const gateBlocked = before.gate === 'allow' && after.gate === 'block';
  if (checks.length === 0 && !gateBlocked) {
    return null;
  }
  const name = entityLabel(entityRef, options.entityTitle);
  const checkList = checks
    .map(id => `${after.titles[id] ?? id} (${after.required[id]})`)
    .join(', ');
  const parts: string[] = [];
  if (checks.length > 0) {
    parts.push(
      `${
        checks.length === 1 ? 'A required check' : 'Required checks'
      } stopped passing: ${checkList}.`,
    );
  }
  if (gateBlocked) {
    parts.push('The release gate now blocks releases.');
  }
  parts.push(
    checks.length > 0
      ? 'Open the check to see why and how to fix it, or request a waiver.'
      : 'Open the Reliability tab to see the blocking checks.',
  );
  return {
    key: `readiness-regression:${entityRef}:${observedAt}`,
    recipients: [entityRef],
    payload: {
      title: gateBlocked
        ? `${name}: release gate now blocks`
        : `${name}: readiness regressed`,
      description: parts.join(' '),
      link: reliabilityTabPath(entityRef, checks[0]),
      severity: gateBlocked ? 'critical' : 'high',
      topic: NOTIFICATION_TOPICS.readinessRegression,
      scope: `reliability:readiness:${entityRef}`,
    },
  };
}
