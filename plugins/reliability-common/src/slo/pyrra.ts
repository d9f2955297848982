import type { NormalizedSlo, SliKind, SliMeasurement } from '../types';
import type { DocumentReporter, FieldPath } from './report';
import type { ReadDocument } from './readYaml';
import { explicitSliKind, isRecord, round10 } from './normalize';
import { inferSliKind } from './sliKind';
import { parsePrometheusDuration } from './promDuration';
import { buildSlo } from './build';

type Value = Record<string, unknown>;

const INDICATORS = ['ratio', 'latency', 'latencyNative', 'boolGauge'] as const;
type IndicatorType = (typeof INDICATORS)[number];

const FALLBACK_KIND: Record<IndicatorType, SliKind> = {
  ratio: 'availability',
  latency: 'latency',
  latencyNative: 'latency',
  boolGauge: 'availability',
};

const INDICATOR_HOW_TO_FIX =
  'Give spec.indicator exactly one of ratio (errors, total), latency (success, total), latencyNative (latency, total) or boolGauge (metric).';

/**
 * A Pyrra `ServiceLevelObjective` (`pyrra.dev/v1alpha1`): `spec.target` is a percentage
 * written as a string ("99.9"), `spec.window` a Prometheus duration (`4w`, `28d`), rolling.
 * Pyrra generates multiwindow burn-rate alerts unless `alerting.disabled` or
 * `alerting.burnrates: false`.
 */
export function parsePyrraDocument(document: ReadDocument): NormalizedSlo[] {
  const { reporter } = document;
  const value = document.value as Value;
  if (value.kind !== 'ServiceLevelObjective') {
    reporter.error(
      ['kind'],
      `"${String(
        value.kind ?? '',
      )}" is not a Pyrra kind; pyrra.dev/v1alpha1 SLOs are kind: ServiceLevelObjective`,
      'Set kind: ServiceLevelObjective.',
    );
    return [];
  }
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  if (!name) {
    reporter.error(
      ['metadata', 'name'],
      'missing: every ServiceLevelObjective needs a name',
      'Add metadata.name, e.g. `name: api-errors`.',
    );
    return [];
  }
  reporter.subject = `SLO "${name}"`;
  const spec = isRecord(value.spec) ? value.spec : undefined;
  if (!spec) {
    reporter.error(
      ['spec'],
      'missing: a ServiceLevelObjective needs a spec with target, window and indicator',
      'Add `spec: { target: "99.9", window: 28d, indicator: { ratio: ... } }`.',
    );
    return [];
  }
  const target = readPyrraTarget(spec.target, reporter);
  const window = readPyrraWindow(spec.window, reporter);
  const indicator = readIndicator(spec.indicator, reporter);
  if (target === null || window === null || indicator === null) {
    return [];
  }
  const alerting = isRecord(spec.alerting) ? spec.alerting : {};
  const description =
    typeof spec.description === 'string' ? spec.description : undefined;
  const sli =
    explicitSliKind(
      [
        { values: asRecord(metadata.labels), path: ['metadata', 'labels'] },
        {
          values: asRecord(metadata.annotations),
          path: ['metadata', 'annotations'],
        },
      ],
      reporter,
    ) ?? inferSliKind([name, description], FALLBACK_KIND[indicator.type]);
  return [
    buildSlo({
      name,
      sli,
      target,
      window: window.written,
      windowMinutes: window.minutes,
      hasAlerting: alerting.disabled !== true && alerting.burnrates !== false,
      source: 'pyrra',
      description,
      budgetingMethod: 'Occurrences',
      rolling: true,
      document: document.index,
      measurement: indicator.measurement,
    }),
  ];
}

function readPyrraTarget(
  value: unknown,
  reporter: DocumentReporter,
): number | null {
  const howToFix =
    'Set target to a percentage above 0 and below 100, written as a string: target: "99.9".';
  if (value === undefined) {
    reporter.error(['spec', 'target'], 'missing', howToFix);
    return null;
  }
  let percent = typeof value === 'number' ? value : NaN;
  if (typeof value === 'string' && value.trim() !== '') {
    percent = Number(value);
  }
  if (!Number.isFinite(percent)) {
    reporter.error(
      ['spec', 'target'],
      `${JSON.stringify(value)} is not a percentage`,
      howToFix,
    );
    return null;
  }
  if (percent <= 0 || percent >= 100) {
    reporter.error(
      ['spec', 'target'],
      `${percent} is outside (0,100): Pyrra targets are percentages`,
      howToFix,
    );
    return null;
  }
  if (percent <= 1) {
    reporter.warning(
      ['spec', 'target'],
      `${percent} is a percentage, i.e. ${percent} %; did you mean ${round10(
        percent * 100,
      )}?`,
      `Pyrra targets are percentages: write "${round10(
        percent * 100,
      )}" for ${round10(percent * 100)} %.`,
    );
  }
  return round10(percent / 100);
}

function readPyrraWindow(
  value: unknown,
  reporter: DocumentReporter,
): { written: string; minutes: number } | null {
  const path = ['spec', 'window'];
  const howToFix =
    'Write a Prometheus duration such as 28d, 4w or 30d (m is a minute; there is no month unit).';
  if (value === undefined) {
    reporter.error(path, 'missing: Pyrra needs the SLO window', howToFix);
    return null;
  }
  const seconds =
    typeof value === 'string' ? parsePrometheusDuration(value) : null;
  if (seconds === null) {
    reporter.error(
      path,
      `${JSON.stringify(value)} is not a Prometheus duration`,
      howToFix,
    );
    return null;
  }
  if (seconds < 86400) {
    reporter.warning(
      path,
      `${String(
        value,
      )} is shorter than a day; SLO windows are usually 28d or 4w`,
      howToFix,
    );
  }
  return { written: value as string, minutes: round10(seconds / 60) };
}

function readIndicator(
  value: unknown,
  reporter: DocumentReporter,
): { type: IndicatorType; measurement: SliMeasurement } | null {
  const path: FieldPath = ['spec', 'indicator'];
  const indicator = isRecord(value) ? value : {};
  const types = INDICATORS.filter(type => isRecord(indicator[type]));
  if (types.length !== 1) {
    reporter.error(
      path,
      types.length === 0
        ? 'has none of ratio, latency, latencyNative or boolGauge'
        : `sets ${types.join(' and ')}; exactly one is allowed`,
      INDICATOR_HOW_TO_FIX,
    );
    return null;
  }
  const [type] = types;
  const body = indicator[type] as Value;
  const metric = (role: string): string | null => {
    const holder = role === '' ? body : body[role];
    const query = isRecord(holder) ? holder.metric : undefined;
    if (typeof query !== 'string' || query.trim() === '') {
      reporter.error(
        [...path, type, ...(role ? [role] : []), 'metric'],
        'missing: the indicator needs a Prometheus metric selector',
        'Write the metric with its labels, e.g. `metric: http_requests_total{job="api"}`.',
      );
      return null;
    }
    return query;
  };
  const increase = (query: string) => `sum(increase(${query}[{{.window}}]))`;
  if (type === 'ratio') {
    const [errors, total] = [metric('errors'), metric('total')];
    return errors && total
      ? {
          type,
          measurement: {
            type: 'events',
            bad: increase(errors),
            total: increase(total),
          },
        }
      : null;
  }
  if (type === 'latency') {
    const [success, total] = [metric('success'), metric('total')];
    return success && total
      ? {
          type,
          measurement: {
            type: 'events',
            good: increase(success),
            total: increase(total),
          },
        }
      : null;
  }
  if (type === 'latencyNative') {
    const total = metric('total');
    const latency =
      typeof body.latency === 'string'
        ? parsePrometheusDuration(body.latency)
        : null;
    if (latency === null) {
      reporter.error(
        [...path, type, 'latency'],
        body.latency === undefined
          ? 'missing: the latency a request must not exceed'
          : `${JSON.stringify(body.latency)} is not a Prometheus duration`,
        'Write the latency as a duration, e.g. `latency: 500ms`.',
      );
    }
    if (!total || latency === null) {
      return null;
    }
    const histogram = `sum(increase(${total}[{{.window}}]))`;
    return {
      type,
      measurement: {
        type: 'events',
        good: `histogram_fraction(0, ${latency}, ${histogram}) * histogram_count(${histogram})`,
        total: `histogram_count(${histogram})`,
      },
    };
  }
  const gauge = metric('');
  // A bool gauge is 1 (good) or 0 (bad) per scrape: its samples are the events.
  return gauge
    ? {
        type,
        measurement: {
          type: 'events',
          good: `sum(sum_over_time(${gauge}[{{.window}}]))`,
          total: `sum(count_over_time(${gauge}[{{.window}}]))`,
        },
      }
    : null;
}

function asRecord(value: unknown): Value | undefined {
  return isRecord(value) ? value : undefined;
}
