/**
 * Synthetic request and error counters, one sample a minute, as OpenMetrics text for
 * `promtool tsdb create-blocks-from openmetrics`, with the samples kept for an independent
 * calculation of what Prometheus should answer. Used by the real-Prometheus tests, the demo
 * data and the benchmark.
 */

export interface CounterScenario {
  /** The `scenario` label value. */
  name: string;
  /** Requests in minute `minute` (0 is the first minute of the data). */
  requests(minute: number): number;
  /** Failed requests in minute `minute`. */
  errors(minute: number): number;
  /** Minutes at which both counters restart from zero (a process restart). */
  resetsAt?: number[];
  /** Extra labels on both series. */
  labels?: Record<string, string>;
}

/** One generated series: its labels and [unix seconds, value] samples. */
export interface GeneratedSeries {
  metric: string;
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

export const REQUESTS_METRIC = 'synthetic_requests_total';
export const ERRORS_METRIC = 'synthetic_errors_total';

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}="${value.replace(/["\\]/g, '\\$&')}"`)
    .join(',');
}

/**
 * Counters for `minutes` minutes whose last sample is at `end` (whole seconds). Each
 * scenario gives a requests and an errors counter labelled `scenario`.
 */
export function generateCounters(
  scenarios: CounterScenario[],
  options: { end: Date; minutes: number },
): GeneratedSeries[] {
  const endSeconds = Math.floor(options.end.getTime() / 1000);
  const series: GeneratedSeries[] = [];
  for (const scenario of scenarios) {
    const labels = { scenario: scenario.name, ...scenario.labels };
    const requests: Array<[number, number]> = [];
    const errors: Array<[number, number]> = [];
    let requestCount = 0;
    let errorCount = 0;
    const resets = new Set(scenario.resetsAt ?? []);
    for (let minute = 0; minute < options.minutes; minute++) {
      if (resets.has(minute)) {
        requestCount = 0;
        errorCount = 0;
      }
      requestCount += scenario.requests(minute);
      errorCount += scenario.errors(minute);
      const time = endSeconds - (options.minutes - 1 - minute) * 60;
      requests.push([time, requestCount]);
      errors.push([time, errorCount]);
    }
    series.push({ metric: REQUESTS_METRIC, labels, samples: requests });
    series.push({ metric: ERRORS_METRIC, labels, samples: errors });
  }
  return series;
}

/**
 * The series as OpenMetrics text grouped by metric family, then `# EOF`. `_total` metrics
 * are typed counters; others (a histogram's `_bucket` and `_count` as counters) stay untyped,
 * as OpenMetrics allows a counter's samples only with the `_total` suffix.
 */
export function toOpenMetrics(series: GeneratedSeries[]): string {
  const lines: string[] = [];
  for (const metric of [...new Set(series.map(s => s.metric))]) {
    if (metric.endsWith('_total')) {
      lines.push(`# TYPE ${metric.replace(/_total$/, '')} counter`);
    }
    for (const one of series.filter(s => s.metric === metric)) {
      const labels = labelText(one.labels);
      for (const [time, value] of one.samples) {
        lines.push(`${metric}{${labels}} ${value} ${time}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

/**
 * How much a counter grew over the samples in [from, to] (unix seconds), counting a drop
 * as a restart from zero, as Prometheus does.
 */
export function counterIncrease(
  samples: Array<[number, number]>,
  from: number,
  to: number,
): number {
  const inRange = samples.filter(([time]) => time >= from && time <= to);
  let increase = 0;
  for (let index = 1; index < inRange.length; index++) {
    const previous = inRange[index - 1][1];
    const value = inRange[index][1];
    increase += value >= previous ? value - previous : value;
  }
  return increase;
}
