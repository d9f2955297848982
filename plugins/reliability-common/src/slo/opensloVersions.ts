import type { DocumentReporter, FieldPath } from './report';
import { isRecord } from './normalize';
import { OPENSLO_API_VERSION } from './openslo';
import { unitDuration } from './unitDuration';

type Value = Record<string, unknown>;

/**
 * Rewrites an OpenSLO `openslo/v1alpha` or `openslo.com/v2alpha` document into the
 * `openslo/v1` shape, so one reader computes every version's target, window and budget.
 * Fields that exist only in the older or newer version are checked here, at their own path;
 * null when the document cannot be read (reported).
 */
export function toOpenSloV1(
  value: Value,
  format: 'openslo/v1alpha' | 'openslo.com/v2alpha',
  reporter: DocumentReporter,
): Value | null {
  const spec = isRecord(value.spec) ? value.spec : undefined;
  const converted: Value = { ...value, apiVersion: OPENSLO_API_VERSION };
  if (!spec) {
    return converted;
  }
  if (format === 'openslo.com/v2alpha') {
    converted.spec =
      value.kind === 'SLI' ? v2alphaSliSpec(spec) : v2alphaSloSpec(spec);
    return converted;
  }
  if (value.kind !== 'SLO') {
    return converted;
  }
  const timeWindow = v1alphaTimeWindows(spec.timeWindows, reporter);
  if (timeWindow === null) {
    return null;
  }
  const { timeWindows: _timeWindows, ...rest } = spec;
  converted.spec = {
    ...rest,
    ...(timeWindow && { timeWindow }),
    ...(isRecord(spec.indicator) && {
      indicator: { spec: v1alphaSli(spec.indicator) },
    }),
    ...(Array.isArray(spec.objectives) && {
      objectives: spec.objectives.map(objective =>
        isRecord(objective) ? v1alphaObjective(objective, spec) : objective,
      ),
    }),
  };
  return converted;
}

/** v1alpha `timeWindows: [{ unit: Day, count: 28, isRolling }]` → v1 `timeWindow`. */
function v1alphaTimeWindows(
  timeWindows: unknown,
  reporter: DocumentReporter,
): Value[] | undefined | null {
  if (timeWindows === undefined) {
    return undefined;
  }
  const path: FieldPath = ['spec', 'timeWindows'];
  if (!Array.isArray(timeWindows) || timeWindows.length !== 1) {
    reporter.error(
      path,
      'must be a list with exactly one window',
      'Write `timeWindows: [{ unit: Day, count: 28, isRolling: true }]`.',
    );
    return null;
  }
  const [entry] = timeWindows;
  const duration = isRecord(entry)
    ? unitDuration(entry.unit, entry.count, [...path, 0], reporter)
    : null;
  if (!isRecord(entry) || !duration) {
    if (!isRecord(entry)) {
      reporter.error(
        [...path, 0],
        'is not a window',
        'Write `{ unit: Day, count: 28, isRolling: true }`.',
      );
    }
    return null;
  }
  const { unit: _unit, count: _count, ...rest } = entry;
  return [{ ...rest, duration }];
}

/**
 * A v1alpha objective: its `ratioMetrics` become its indicator, and time slices are one
 * minute long (v1alpha has no timeSliceWindow; its slices are the minutes of the window).
 */
function v1alphaObjective(objective: Value, spec: Value): Value {
  const { ratioMetrics: _ratioMetrics, ...rest } = objective;
  return {
    ...rest,
    ...(isRecord(objective.ratioMetrics) && {
      indicator: { spec: v1alphaSli(objective) },
    }),
    ...(spec.budgetingMethod === 'Timeslices' &&
      objective.timeSliceWindow === undefined && { timeSliceWindow: '1m' }),
  };
}

/** v1alpha metrics `{ source, queryType, query }` → v1 `{ metricSource: { type, spec } }`. */
function v1alphaMetric(metric: unknown): unknown {
  if (!isRecord(metric)) {
    return metric;
  }
  const { source, queryType, query, metadata } = metric;
  return {
    metricSource: {
      ...(typeof source === 'string' && { type: source }),
      spec: {
        ...(query !== undefined && { query }),
        ...(queryType !== undefined && { queryType }),
        ...(isRecord(metadata) && metadata),
      },
    },
  };
}

/** A v1alpha SLO `indicator` (threshold) or objective `ratioMetrics` → a v1 SLI spec. */
function v1alphaSli(holder: Value): Value {
  if (isRecord(holder.ratioMetrics)) {
    const { good, bad, total, incremental } = holder.ratioMetrics;
    return {
      ratioMetric: {
        ...(incremental !== undefined && { counter: incremental }),
        ...(good !== undefined && { good: v1alphaMetric(good) }),
        ...(bad !== undefined && { bad: v1alphaMetric(bad) }),
        ...(total !== undefined && { total: v1alphaMetric(total) }),
      },
    };
  }
  return isRecord(holder.thresholdMetric)
    ? { thresholdMetric: v1alphaMetric(holder.thresholdMetric) }
    : {};
}

/** v2alpha metrics `{ dataSourceRef | dataSourceSpec, spec }` → v1 `metricSource`. */
function v2alphaMetric(metric: unknown): unknown {
  if (!isRecord(metric)) {
    return metric;
  }
  const { dataSourceRef, dataSourceSpec, spec } = metric;
  const type =
    isRecord(dataSourceSpec) && typeof dataSourceSpec.type === 'string'
      ? dataSourceSpec.type
      : undefined;
  return {
    metricSource: {
      ...(typeof dataSourceRef === 'string' && {
        metricSourceRef: dataSourceRef,
      }),
      ...(type !== undefined && { type }),
      ...(spec !== undefined && { spec }),
    },
  };
}

function v2alphaSliSpec(spec: Value): Value {
  const result: Value = { ...spec };
  if (spec.thresholdMetric !== undefined) {
    result.thresholdMetric = v2alphaMetric(spec.thresholdMetric);
  }
  if (isRecord(spec.ratioMetric)) {
    const ratio: Value = { ...spec.ratioMetric };
    for (const role of ['good', 'bad', 'total', 'raw']) {
      if (ratio[role] !== undefined) {
        ratio[role] = v2alphaMetric(ratio[role]);
      }
    }
    result.ratioMetric = ratio;
  }
  return result;
}

/** v2alpha `sli`/`sliRef` (on the SLO and on objectives) → v1 `indicator`/`indicatorRef`. */
function v2alphaIndicator(holder: Value): Value {
  const { sli, sliRef, ...rest } = holder;
  return {
    ...rest,
    ...(isRecord(sli) && {
      indicator: {
        ...sli,
        ...(isRecord(sli.spec) && { spec: v2alphaSliSpec(sli.spec) }),
      },
    }),
    ...(sliRef !== undefined && { indicatorRef: sliRef }),
  };
}

function v2alphaSloSpec(spec: Value): Value {
  const result = v2alphaIndicator(spec);
  if (Array.isArray(spec.objectives)) {
    result.objectives = spec.objectives.map(objective =>
      isRecord(objective) ? v2alphaIndicator(objective) : objective,
    );
  }
  return result;
}

/**
 * Gives each metric source that references a DataSource by name (`metricSourceRef`) the
 * type of that DataSource, from any of the files read, so a Prometheus source is known as
 * one. Changes the v1-shaped documents in place.
 */
export function fillDataSourceTypes(documents: Array<{ value: Value }>): void {
  const types = new Map<string, string>();
  for (const { value } of documents) {
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    if (
      value.kind === 'DataSource' &&
      typeof metadata.name === 'string' &&
      isRecord(value.spec) &&
      typeof value.spec.type === 'string'
    ) {
      types.set(metadata.name, value.spec.type);
    }
  }
  if (types.size === 0) {
    return;
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isRecord(node)) {
      return;
    }
    const source = node.metricSource;
    if (
      isRecord(source) &&
      source.type === undefined &&
      typeof source.metricSourceRef === 'string' &&
      types.has(source.metricSourceRef)
    ) {
      source.type = types.get(source.metricSourceRef);
    }
    Object.values(node).forEach(visit);
  };
  documents.forEach(({ value }) => {
    if (value.kind === 'SLO' || value.kind === 'SLI') {
      visit(value.spec);
    }
  });
}
