import type { NormalizedSlo, SliKind, SliMeasurement } from '../types';
import type { DocumentReporter, FieldPath } from './report';
import type { ReadDocument } from './readYaml';
import { explicitSliKind, isRecord, round10, slugify } from './normalize';
import { inferSliKind } from './sliKind';
import { parseDuration } from './duration';
import { unitDuration } from './unitDuration';
import { warnIfShorterThanADay } from './window';
import { buildSlo } from './build';

type Value = Record<string, unknown>;

const BUDGETING_METHODS = ['Occurrences', 'Timeslices'] as const;
type Nobl9BudgetingMethod = (typeof BUDGETING_METHODS)[number];

/** Nobl9 kinds that may sit beside SLOs in a file and hold no SLO. */
const OTHER_KINDS = [
  'Project',
  'Service',
  'Agent',
  'Direct',
  'AlertPolicy',
  'AlertMethod',
  'AlertSilence',
  'Annotation',
  'BudgetAdjustment',
  'DataExport',
  'Report',
  'RoleBinding',
  'UserGroup',
];

interface Window {
  written: string;
  minutes: number;
  rolling: boolean;
}

/**
 * A Nobl9 `n9/v1alpha` document. Each objective of a `kind: SLO` is one SLO (named
 * `<slo>-<objective>` when there are several), with its own target and the SLO's time window
 * and budgeting method. A composite objective (`objectives[].composite`) and the older
 * `spec.composite` are SLOs of their own whose status comes from other objectives, so they
 * are not measured from queries.
 */
export function parseNobl9Document(document: ReadDocument): NormalizedSlo[] {
  const { reporter } = document;
  const value = document.value as Value;
  if (value.kind !== 'SLO') {
    if (!OTHER_KINDS.includes(String(value.kind))) {
      reporter.warning(
        ['kind'],
        `"${String(
          value.kind ?? '',
        )}" is not a Nobl9 kind this suite knows; the document is ignored`,
        `Use kind: SLO for SLOs (other kinds: ${OTHER_KINDS.join(', ')}).`,
      );
    }
    return [];
  }
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  if (!name) {
    reporter.error(
      ['metadata', 'name'],
      'missing: every Nobl9 SLO needs a name',
      'Add metadata.name, e.g. `name: api-availability`.',
    );
    return [];
  }
  reporter.subject = `SLO "${name}"`;
  const spec = isRecord(value.spec) ? value.spec : undefined;
  if (!spec) {
    reporter.error(
      ['spec'],
      'missing: an SLO needs a spec with service, timeWindows, budgetingMethod and objectives',
      'Add the spec; see the Nobl9 YAML guide for kind: SLO.',
    );
    return [];
  }
  const service = typeof spec.service === 'string' ? spec.service : undefined;
  if (!service) {
    reporter.error(
      ['spec', 'service'],
      'missing: a Nobl9 SLO belongs to a service',
      'Add `service: <service name>` to spec.',
    );
  }
  const window = readTimeWindows(spec.timeWindows, reporter);
  const budgetingMethod = readBudgetingMethod(spec.budgetingMethod, reporter);
  const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
  const composite = isRecord(spec.composite) ? spec.composite : undefined;
  if (objectives.length === 0) {
    reporter.error(
      ['spec', 'objectives'],
      'missing: an SLO needs at least one objective with a target',
      'Add `objectives: [{ name: good, value: 1, target: 0.999, countMetrics: ... }]`.',
    );
  }
  if (!service || !window || !budgetingMethod) {
    objectives.forEach((objective, index) =>
      readTarget(
        isRecord(objective) ? objective.target : undefined,
        ['spec', 'objectives', index, 'target'],
        reporter,
      ),
    );
    return [];
  }
  const alertPolicies = Array.isArray(spec.alertPolicies)
    ? spec.alertPolicies
    : [];
  const description =
    typeof spec.description === 'string' ? spec.description : undefined;
  const common = {
    window: window.written,
    windowMinutes: window.minutes,
    rolling: window.rolling,
    hasAlerting: alertPolicies.length > 0,
    source: 'nobl9' as const,
    description,
    service,
    budgetingMethod,
    document: document.index,
  };
  const explicit = explicitSliKind(
    [{ values: asRecord(metadata.labels), path: ['metadata', 'labels'] }],
    reporter,
  );
  const count = objectives.length + (composite ? 1 : 0);
  const slos: NormalizedSlo[] = [];
  objectives.forEach((raw, index) => {
    const path: FieldPath = ['spec', 'objectives', index];
    if (!isRecord(raw)) {
      reporter.error(
        path,
        'is not an objective',
        'Write the objective as a map.',
      );
      return;
    }
    const target = readTarget(raw.target, [...path, 'target'], reporter);
    const slicesOk = checkTimeSlices(raw, path, budgetingMethod, reporter);
    const read = readObjectiveMetric(raw, path, reporter);
    if (target === null || !slicesOk || !read) {
      return;
    }
    const objectiveName =
      asString(raw.name) ?? asString(raw.displayName) ?? String(index);
    const sloName =
      count === 1
        ? name
        : slugify(`${name}-${slugify(objectiveName) || index}`);
    slos.push(
      buildSlo({
        ...common,
        name: sloName,
        sli:
          explicit ??
          inferSliKind(
            [
              sloName,
              asString(metadata.displayName),
              description,
              objectiveName,
            ],
            read.fallback,
          ),
        target,
        measurement: read.measurement,
      }),
    );
  });
  if (composite) {
    const target = readTarget(
      composite.target,
      ['spec', 'composite', 'target'],
      reporter,
    );
    if (target !== null) {
      slos.push(
        buildSlo({
          ...common,
          name: slugify(`${name}-composite`),
          sli: explicit ?? inferSliKind([name, description], 'other'),
          target,
          measurement: {
            type: 'not-measured',
            reason:
              'the SLO is the composite of its objectives (spec.composite), computed by Nobl9',
          },
        }),
      );
    }
  }
  return slos;
}

function readTarget(
  value: unknown,
  path: FieldPath,
  reporter: DocumentReporter,
): number | null {
  const howToFix =
    'Set target to a ratio above 0 and below 1, e.g. target: 0.999 for 99.9 %.';
  if (value === undefined) {
    reporter.error(path, 'missing: every objective needs a target', howToFix);
    return null;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    reporter.error(path, `${JSON.stringify(value)} is not a number`, howToFix);
    return null;
  }
  if (value <= 0 || value >= 1) {
    reporter.error(
      path,
      `${round10(value)} is outside (0,1)${
        value > 1 && value < 100
          ? `; for ${value} % write ${round10(value / 100)}`
          : ''
      }`,
      howToFix,
    );
    return null;
  }
  return round10(value);
}

function readTimeWindows(
  value: unknown,
  reporter: DocumentReporter,
): Window | null {
  const path: FieldPath = ['spec', 'timeWindows'];
  if (!Array.isArray(value) || value.length !== 1 || !isRecord(value[0])) {
    reporter.error(
      path,
      value === undefined
        ? 'missing: a Nobl9 SLO needs exactly one time window'
        : 'must be a list with exactly one window',
      'Write `timeWindows: [{ unit: Day, count: 28, isRolling: true }]`, or a calendar window with `calendar: { startTime, timeZone }`.',
    );
    return null;
  }
  const entry = value[0] as Value;
  const written = unitDuration(entry.unit, entry.count, [...path, 0], reporter);
  if (!written) {
    return null;
  }
  const duration = parseDuration(written)!;
  warnIfShorterThanADay(written, duration, [...path, 0, 'count'], reporter);
  const calendar = isRecord(entry.calendar);
  if (calendar && entry.isRolling === true) {
    reporter.warning(
      [...path, 0, 'isRolling'],
      'is true but a calendar is set; the window is treated as calendar-aligned',
      'Remove isRolling for a calendar window, or remove calendar for a rolling one.',
    );
  } else if (!calendar && entry.isRolling !== true) {
    reporter.warning(
      [...path, 0, 'isRolling'],
      'is not true and no calendar is set; the window is treated as rolling',
      'Set isRolling: true, or add `calendar: { startTime: "2024-01-01 00:00:00", timeZone: UTC }`.',
    );
  }
  return { written, minutes: duration.minutes, rolling: !calendar };
}

function readBudgetingMethod(
  value: unknown,
  reporter: DocumentReporter,
): Nobl9BudgetingMethod | null {
  if (!(BUDGETING_METHODS as readonly unknown[]).includes(value)) {
    reporter.error(
      ['spec', 'budgetingMethod'],
      value === undefined
        ? 'missing: Nobl9 needs Occurrences or Timeslices'
        : `${JSON.stringify(value)} is not a budgeting method`,
      'Set budgetingMethod: Occurrences or budgetingMethod: Timeslices.',
    );
    return null;
  }
  return value as Nobl9BudgetingMethod;
}

function checkTimeSlices(
  objective: Value,
  path: FieldPath,
  budgetingMethod: Nobl9BudgetingMethod,
  reporter: DocumentReporter,
): boolean {
  if (budgetingMethod !== 'Timeslices') {
    return true;
  }
  const value = objective.timeSliceTarget;
  if (typeof value !== 'number' || value <= 0 || value > 1) {
    reporter.error(
      [...path, 'timeSliceTarget'],
      value === undefined
        ? 'missing: Timeslices budgeting needs the share of good events that makes a minute good'
        : `${JSON.stringify(value)} is outside (0,1]`,
      'Set timeSliceTarget to a ratio in (0,1], e.g. 0.95.',
    );
    return false;
  }
  return true;
}

/** What the objective measures: its queries, and the SLI kind when names say nothing. */
function readObjectiveMetric(
  objective: Value,
  path: FieldPath,
  reporter: DocumentReporter,
): { measurement: SliMeasurement; fallback: SliKind } | null {
  const kinds = ['countMetrics', 'rawMetric', 'composite'].filter(key =>
    isRecord(objective[key]),
  );
  if (kinds.length !== 1) {
    reporter.error(
      path,
      kinds.length === 0
        ? 'has none of countMetrics, rawMetric or composite'
        : `sets ${kinds.join(' and ')}; exactly one is allowed`,
      'Give the objective countMetrics (good or bad, and total), rawMetric (query, with op and value) or composite (components).',
    );
    return null;
  }
  const [kind] = kinds;
  const body = objective[kind] as Value;
  if (kind === 'composite') {
    const components =
      isRecord(body.components) && Array.isArray(body.components.objectives)
        ? body.components.objectives
        : [];
    if (components.length === 0) {
      reporter.error(
        [...path, 'composite', 'components', 'objectives'],
        'missing: a composite objective needs the objectives it combines',
        'List the components: `components: { objectives: [{ project, slo, objective, weight, whenDelayed }] }`.',
      );
      return null;
    }
    return {
      fallback: 'other',
      measurement: {
        type: 'not-measured',
        reason: `the objective is a composite of ${components.length} objectives of other SLOs, computed by Nobl9`,
      },
    };
  }
  if (kind === 'rawMetric') {
    if (objective.op === undefined || objective.value === undefined) {
      reporter.error(
        [...path, objective.op === undefined ? 'op' : 'value'],
        'missing: a rawMetric objective needs op and value (the threshold a good point meets)',
        'Add op (lt, lte, gt or gte) and value, e.g. `op: lte` and `value: 0.3`.',
      );
      return null;
    }
    return {
      fallback: 'latency',
      measurement: {
        type: 'not-measured',
        reason:
          'the objective is a rawMetric threshold (each point compared with op and value); only good/bad and total counts are measured',
      },
    };
  }
  const roles = ['good', 'bad'].filter(role => isRecord(body[role]));
  if (isRecord(body.goodTotal)) {
    return {
      fallback: 'other',
      measurement: {
        type: 'not-measured',
        reason:
          'the objective counts good and total events in one query (goodTotal), which cannot be split into two queries',
      },
    };
  }
  if (roles.length !== 1 || !isRecord(body.total)) {
    reporter.error(
      [...path, 'countMetrics', roles.length !== 1 ? 'good' : 'total'],
      roles.length !== 1
        ? 'countMetrics needs exactly one of good and bad'
        : 'missing: countMetrics needs total',
      'Write countMetrics with good (or bad) and total queries.',
    );
    return null;
  }
  if (body.incremental === true) {
    return {
      fallback: 'other',
      measurement: {
        type: 'not-measured',
        reason:
          'the counts are incremental (running totals), which the measurement does not read',
      },
    };
  }
  const [role] = roles;
  const counted = promql(body[role]);
  const total = promql(body.total);
  if ('reason' in counted || 'reason' in total) {
    return {
      fallback: 'other',
      measurement: {
        type: 'not-measured',
        reason: ('reason' in counted ? counted : (total as { reason: string }))
          .reason,
      },
    };
  }
  return {
    fallback: 'other',
    measurement: { type: 'events', [role]: counted.query, total: total.query },
  };
}

/** `{ prometheus: { promql } }`, else why the source is not measured. */
function promql(metric: unknown): { query: string } | { reason: string } {
  const sources = isRecord(metric) ? Object.keys(metric) : [];
  const prometheus = isRecord(metric) ? metric.prometheus : undefined;
  if (isRecord(prometheus) && typeof prometheus.promql === 'string') {
    return { query: prometheus.promql };
  }
  return {
    reason: `the metric source is ${
      sources.length ? sources.join(', ') : 'missing'
    }; only Prometheus (promql) sources are measured`,
  };
}

function asRecord(value: unknown): Value | undefined {
  return isRecord(value) ? value : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
