#!/usr/bin/env node
// Serves synthetic metrics for the demo catalog's SLO files from a real Prometheus: reads
// the metric selectors of examples/slos/*.yaml, generates counters (most services healthy,
// one burning its budget fast, one with the budget spent), backfills them with promtool
// and runs /usr/bin/prometheus on 127.0.0.1:9090 (another free port when 9090 is taken)
// until interrupted. The data runs from 8 days ago to 6 hours ahead, so the status holds
// while the demo runs.
import { readdir, readFile, rm, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateCounters,
  toOpenMetrics,
} from '../plugins/reliability-backend/src/prometheus/testing/syntheticCounters.ts';
import {
  freePort,
  prometheusAvailability,
  startPrometheus,
} from '../plugins/reliability-backend/src/prometheus/testing/realPrometheus.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const SLO_DIR = join(root, 'examples/slos');
const DATA_DIR = join(root, '.demo-prometheus');
const PAST_MINUTES = 8 * 24 * 60;
const FUTURE_MINUTES = 6 * 60;

/** Error ratio per minute (0 = the first minute of the data) of each kind of service. */
const SCENARIOS = {
  // Far inside every demo target (the strictest is 99.95%).
  healthy: () => 0.00002,
  // From 90 minutes ago on, 2% errors: 20x the budget rate of a 99.9% SLO, a page (the
  // 1h and 5m windows both burn over 14.4x); its budget lasts about 8 more hours.
  burning: minute => (minute >= PAST_MINUTES - 90 ? 0.02 : 0.00002),
  // 0.5% errors all along: five times what a 99.9% SLO may spend.
  exhausted: () => 0.005,
};
const SCENARIO_OF_FILE = {
  'checkout-api': 'burning',
  'cart-service': 'exhausted',
};
const REQUESTS_PER_MINUTE = 600;

/** Every `metric{matchers}` in a text, with quoted values read as PromQL reads them. */
export function selectorsIn(text) {
  const selectors = [];
  const start = /([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g;
  let match;
  while ((match = start.exec(text))) {
    const matchers = [];
    let at = start.lastIndex;
    const matcher =
      /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,?)/y;
    let ok = true;
    while (text[at] !== '}') {
      matcher.lastIndex = at;
      const m = matcher.exec(text);
      if (!m) {
        ok = false;
        break;
      }
      matchers.push({
        label: m[1],
        op: m[2],
        value: m[3].replace(/\\(.)/g, '$1'),
      });
      at = matcher.lastIndex;
    }
    if (ok && matchers.length > 0) {
      selectors.push({ metric: match[1], matchers });
      start.lastIndex = at + 1;
    }
  }
  return selectors;
}

const fullMatch = (regex, value) => new RegExp(`^(?:${regex})$`).test(value);

/** A label value a regex matcher accepts: its first alternative with wildcards filled. */
function sampleOf(regex) {
  const value = regex
    .split('|')[0]
    .replace(/\.\*/g, '')
    .replace(/\.\+/g, 'x')
    .replace(/\\\./g, '\u0000')
    .replace(/\./g, '0')
    .replace(/\u0000/g, '.');
  return fullMatch(regex, value) ? value : 'x';
}

function valueFor({ op, value }) {
  if (op === '=') return value;
  if (op === '=~') return sampleOf(value);
  return ['error', 'failure', 'Internal', 'x'].find(candidate =>
    op === '!=' ? candidate !== value : !fullMatch(value, candidate),
  );
}

const ERRORISH = /^5|error|fail|internal|dead|^false$/i;

/** A value the matcher rejects (the other events of a selector that picks some). */
function rejectedBy({ op, value }) {
  if (op === '!=') return value;
  if (op === '!~') return sampleOf(value);
  return ['200', 'ok', 'success', 'true', 'x'].find(candidate =>
    op === '=' ? candidate !== value : !fullMatch(value, candidate),
  );
}

/** Whether a selector's split series carry these labels (so they add up to its total). */
const covers = (selector, labels) =>
  Object.entries(labels).every(([label, value]) => {
    const matcher = selector.matchers.find(m => m.label === label);
    return matcher !== undefined && valueFor(matcher) === value;
  });

/** Gauges (not counters): a lag stays low, a last-success timestamp stays recent. */
const isGauge = metric => !/_(total|count|bucket|sum)$/.test(metric);

/**
 * The concrete series behind a file's selectors, each as requests, errors or good
 * (requests minus errors): the least specific selector of a metric is its total; a more
 * specific one counts errors when its extra matcher looks like an error, else good events.
 */
export function seriesOf(selectors) {
  const byMetric = new Map();
  for (const selector of selectors) {
    byMetric.set(selector.metric, [
      ...(byMetric.get(selector.metric) ?? []),
      selector,
    ]);
  }
  const series = new Map();
  for (const [metric, list] of byMetric) {
    const fewest = Math.min(...list.map(s => s.matchers.length));
    const specific = list.filter(s => s.matchers.length > fewest);
    const roleOf = selector => {
      const extra = selector.matchers.filter(
        m => m.label !== 'le' && !base.has(m.label),
      );
      if (metric.endsWith('_bucket')) return 'good';
      const bad = extra.some(
        m => m.op.startsWith('!') || ERRORISH.test(valueFor(m)),
      );
      return bad ? 'errors' : 'good';
    };
    const add = (labels, role) => {
      const key = `${metric}${JSON.stringify(Object.entries(labels).sort())}`;
      series.set(key, { metric, labels, role });
    };
    const base = new Set(
      list.find(s => s.matchers.length === fewest).matchers.map(m => m.label),
    );
    for (const selector of list) {
      const labels = Object.fromEntries(
        selector.matchers.map(m => [m.label, valueFor(m)]),
      );
      if (isGauge(metric)) {
        add(labels, /timestamp/.test(metric) ? 'recentTimestamp' : 'lowGauge');
      } else if (metric.endsWith('_bucket')) {
        add(labels, 'good');
      } else if (selector.matchers.length > fewest) {
        const role = roleOf(selector);
        add(labels, role);
        // The other events carry the same labels with the picked one rejected, so that a
        // negative matcher (result!="success") does not count them too.
        add(
          Object.fromEntries(
            selector.matchers.map(m => [
              m.label,
              base.has(m.label) ? valueFor(m) : rejectedBy(m),
            ]),
          ),
          role === 'errors' ? 'good' : 'errors',
        );
      } else if (!specific.some(other => covers(other, labels))) {
        // A total whose events no more specific selector splits, or an error counter of
        // its own (dead letters).
        add(labels, ERRORISH.test(metric) ? 'errors' : 'requests');
      }
    }
  }
  return [...series.values()];
}

async function portToUse() {
  const free = await new Promise(done => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(9090, '127.0.0.1', () => server.close(() => done(true)));
  });
  return free ? 9090 : freePort();
}

async function main() {
  const availability = prometheusAvailability();
  if (!availability.available) {
    throw new Error(availability.why);
  }
  const end = new Date(Date.now() + FUTURE_MINUTES * 60_000);
  const minutes = PAST_MINUTES + FUTURE_MINUTES;
  const generated = [];
  const files = (await readdir(SLO_DIR))
    .filter(f => f.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    const service = basename(file, '.yaml');
    const scenario = SCENARIO_OF_FILE[service] ?? 'healthy';
    const errorRatio = SCENARIOS[scenario];
    const [requests, errors] = generateCounters(
      [
        {
          name: service,
          requests: () => REQUESTS_PER_MINUTE,
          errors: minute =>
            Math.round(REQUESTS_PER_MINUTE * errorRatio(minute)),
        },
      ],
      { end, minutes },
    );
    const samplesOf = {
      requests: requests.samples,
      errors: errors.samples,
      good: requests.samples.map(([time, value], index) => [
        time,
        value - errors.samples[index][1],
      ]),
      lowGauge: requests.samples.map(([time]) => [time, 5]),
      recentTimestamp: requests.samples.map(([time]) => [time, time - 600]),
    };
    const series = seriesOf(
      selectorsIn(await readFile(join(SLO_DIR, file), 'utf8')),
    );
    for (const one of series) {
      generated.push({
        metric: one.metric,
        labels: one.labels,
        samples: samplesOf[one.role],
      });
    }
    console.log(`${service}: ${scenario}, ${series.length} series`);
  }
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });
  console.log('Backfilling with promtool (a minute or two)...');
  const port = await portToUse();
  const prometheus = await startPrometheus(toOpenMetrics(generated), {
    port,
    dir: DATA_DIR,
    readyTimeoutMs: 300_000,
  });
  console.log(`Prometheus serves the demo metrics on ${prometheus.baseUrl}`);
  if (port !== 9090) {
    console.log(
      `9090 was taken: set reliability.prometheus.instances[0].baseUrl to ${prometheus.baseUrl} in app-config.prometheus.yaml`,
    );
  }
  console.log('Stop with Ctrl-C.');
  const stop = async () => {
    await prometheus.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
