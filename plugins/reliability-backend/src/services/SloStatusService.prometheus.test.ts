import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  parseSloFile,
  type BurnRateWindow,
  type SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseSloStatusStore } from '../database/DatabaseSloStatusStore';
import { readPrometheusSettings } from '../prometheus/prometheusConfig';
import {
  freePort,
  prometheusAvailability,
  startPrometheus,
  type RunningPrometheus,
} from '../prometheus/testing/realPrometheus';
import {
  counterIncrease,
  ERRORS_METRIC,
  generateCounters,
  REQUESTS_METRIC,
  toOpenMetrics,
  type CounterScenario,
  type GeneratedSeries,
} from '../prometheus/testing/syntheticCounters';
import { ConfigReader } from '@backstage/config';
import { SloStatusService } from './SloStatusService';

jest.setTimeout(180_000);

const availability = prometheusAvailability();
const describeWithPrometheus = availability.available
  ? describe
  : describe.skip;
if (!availability.available) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the real-Prometheus tests: ${availability.why}`);
}

/** The measurement time: the last sample of the data, on a whole minute. */
const END = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
const DAYS = 4;
const MINUTES = DAYS * 24 * 60;
const last = MINUTES - 1;

const SCENARIOS: CounterScenario[] = [
  // 0.02% errors all along: ok.
  { name: 'steady', requests: () => 1000, errors: () => 0.2 },
  // The same, then 30% errors for the last half hour: pages fire.
  {
    name: 'outage',
    requests: () => 1000,
    errors: minute => (minute > last - 30 ? 300 : 0.2),
  },
  // 0.5% errors all along against a 99.9% target: the budget is overspent.
  { name: 'exhausted', requests: () => 1000, errors: () => 5 },
  // 0.05% errors with the process restarting twice: resets must not count as drops.
  {
    name: 'restarts',
    requests: () => 1000,
    errors: () => 0.5,
    resetsAt: [2000, 4000],
  },
  // Samples, but no traffic: no data, never 0% or 100%.
  { name: 'idle', requests: () => 0, errors: () => 0 },
];

const q = (metric: string, scenario: string, fn = 'rate') =>
  `sum(${fn}(${metric}{scenario="${scenario}"}[{{.window}}]))`;

const SLOTH = `
version: prometheus/v1
service: shop
slos:
${['steady', 'outage', 'exhausted', 'restarts', 'idle']
  .map(
    scenario => `  - name: sloth-${scenario}
    objective: ${scenario === 'outage' ? 99 : 99.9}
    sli:
      events:
        error_query: ${q(ERRORS_METRIC, scenario)}
        total_query: ${q(REQUESTS_METRIC, scenario)}`,
  )
  .join('\n')}
  - name: sloth-raw-exhausted
    objective: 99.9
    sli:
      raw:
        error_ratio_query: ${q(ERRORS_METRIC, 'exhausted')} / ${q(
  REQUESTS_METRIC,
  'exhausted',
)}
  - name: sloth-missing
    objective: 99.9
    sli:
      events:
        error_query: ${q('synthetic_missing_errors_total', 'steady')}
        total_query: ${q('synthetic_missing_total', 'steady')}
`;

const openSlo = (
  name: string,
  target: number,
  good: string,
  total: string,
) => `---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: shop
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: ${target}
  indicator:
    metadata:
      name: ${name}-sli
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: prometheus
            spec:
              query: '${good}'
        total:
          metricSource:
            type: Prometheus
            spec:
              query: '${total}'
`;

// Good = total - errors; the windowed form (increase over {{.window}}) and the rate-series
// form (integrated by the suite with sum_over_time) for a steady service.
const goodWindowed = (scenario: string) =>
  `${q(REQUESTS_METRIC, scenario, 'increase')} - ${q(
    ERRORS_METRIC,
    scenario,
    'increase',
  )}`;
const OPENSLO = [
  openSlo(
    'openslo-outage',
    0.99,
    goodWindowed('outage'),
    q(REQUESTS_METRIC, 'outage', 'increase'),
  ),
  openSlo(
    'openslo-exhausted',
    0.999,
    goodWindowed('exhausted'),
    q(REQUESTS_METRIC, 'exhausted', 'increase'),
  ),
  openSlo(
    'openslo-steady-rate',
    0.999,
    `sum(rate(${REQUESTS_METRIC}{scenario="steady"}[5m])) - sum(rate(${ERRORS_METRIC}{scenario="steady"}[5m]))`,
    `sum(rate(${REQUESTS_METRIC}{scenario="steady"}[5m]))`,
  ),
].join('');

const WINDOWS: Record<BurnRateWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};

/** The contract's figures computed straight from the generated samples. */
function expected(
  series: GeneratedSeries[],
  scenario: string,
  target: number,
  windowSeconds: number,
) {
  const end = END.getTime() / 1000;
  const find = (metric: string) =>
    series.find(s => s.metric === metric && s.labels.scenario === scenario)!
      .samples;
  const ratio = (seconds: number) => {
    const total = counterIncrease(find(REQUESTS_METRIC), end - seconds, end);
    const bad = counterIncrease(find(ERRORS_METRIC), end - seconds, end);
    return total === 0 ? null : bad / total;
  };
  const sloRatio = ratio(windowSeconds);
  if (sloRatio === null) {
    return { state: 'no-data', sli: null, errorBudgetRemaining: null };
  }
  const budget = 1 - target;
  const burnRates = Object.fromEntries(
    Object.entries(WINDOWS).map(([window, seconds]) => [
      window,
      ratio(seconds)! / budget,
    ]),
  ) as Record<BurnRateWindow, number>;
  const remaining = 1 - sloRatio / budget;
  const fires = (long: BurnRateWindow, short: BurnRateWindow, t: number) =>
    burnRates[long] >= t && burnRates[short] >= t;
  const page = fires('1h', '5m', 14.4) || fires('6h', '30m', 6);
  const ticket = fires('1d', '2h', 3) || fires('3d', '6h', 1);
  let state = 'ok';
  if (remaining <= 0) state = 'exhausted';
  else if (page) state = 'critical';
  else if (ticket) state = 'warning';
  return {
    state,
    sli: 1 - sloRatio,
    errorBudgetRemaining: remaining,
    burnRates,
  };
}

function expectClose(actual: number | null | undefined, wanted: number) {
  expect(actual).not.toBeNull();
  // Prometheus extrapolates rates to the window's edges; figures agree to 0.5%.
  expect(Math.abs(actual! - wanted)).toBeLessThanOrEqual(
    Math.max(1e-6, Math.abs(wanted) * 0.005),
  );
}

describeWithPrometheus('SloStatusService against a real Prometheus', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const series = generateCounters(SCENARIOS, { end: END, minutes: MINUTES });
  let prometheus: RunningPrometheus;
  let statuses: Map<string, SloStatus>;
  let unreachable: Map<string, SloStatus>;

  const entity = (instance?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: instance ? `shop-${instance}` : 'shop',
      namespace: 'default',
      annotations: instance
        ? { 'reliability/prometheus-instance': instance }
        : {},
    },
    spec: { type: 'service', owner: 'group:default/team' },
  });

  beforeAll(async () => {
    prometheus = await startPrometheus(toOpenMetrics(series));
    const knex = await databases.init('SQLITE_3');
    const settings = readPrometheusSettings(
      new ConfigReader({
        reliability: {
          prometheus: {
            instances: [
              { name: 'main', baseUrl: prometheus.baseUrl, default: true },
              { name: 'down', baseUrl: `http://127.0.0.1:${await freePort()}` },
            ],
            batchSize: 7,
          },
        },
      }),
    )!;
    const service = new SloStatusService({
      settings,
      store: await DatabaseSloStatusStore.create({
        database: { getClient: async () => knex },
      }),
      logger: mockServices.logger.mock(),
      now: () => END,
    });
    const slos = parseSloFile(`${SLOTH}${OPENSLO}`, { file: 'slos.yaml' });
    const errors = slos.problems.filter(p => p.severity === 'error');
    if (errors.length > 0) {
      throw new Error(`The test's SLO file is invalid: ${errors[0].message}`);
    }
    const loaded = { status: 'loaded' as const, ...slos };
    const writes = await service.measure([
      { entity: entity(), slos: loaded },
      { entity: entity('down'), slos: loaded },
    ]);
    const of = (name: string) =>
      new Map(
        writes
          .filter(w => w.entityRef === `component:default/${name}`)
          .map(w => [w.sloName, w.status]),
      );
    statuses = of('shop');
    unreachable = of('shop-down');
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  it.each([
    ['sloth-steady', 'steady', 0.999],
    ['sloth-outage', 'outage', 0.99],
    ['sloth-exhausted', 'exhausted', 0.999],
    ['sloth-restarts', 'restarts', 0.999],
    ['sloth-raw-exhausted', 'exhausted', 0.999],
    ['openslo-outage', 'outage', 0.99],
    ['openslo-exhausted', 'exhausted', 0.999],
    ['openslo-steady-rate', 'steady', 0.999],
  ])(
    '%s matches the calculation from the generated counters',
    (slo, scenario, target) => {
      const status = statuses.get(slo)!;
      const want = expected(
        series,
        scenario,
        target,
        slo.startsWith('openslo') ? 28 * 86400 : 30 * 86400,
      );
      expect(status.state).toBe(want.state);
      expectClose(status.sli, want.sli!);
      expectClose(status.errorBudgetRemaining, want.errorBudgetRemaining!);
      for (const window of Object.keys(WINDOWS) as BurnRateWindow[]) {
        expectClose(status.burnRates[window], want.burnRates![window]);
      }
      expect(status.instance).toBe('main');
      expect(status.graphUrl).toContain(`${prometheus.baseUrl}/graph?g0.expr=`);
    },
  );

  it('tells the scenarios apart as the contract says', () => {
    expect(
      Object.fromEntries([...statuses].map(([name, s]) => [name, s.state])),
    ).toEqual({
      'sloth-steady': 'ok',
      'sloth-outage': 'critical',
      'sloth-exhausted': 'exhausted',
      'sloth-restarts': 'ok',
      'sloth-idle': 'no-data',
      'sloth-raw-exhausted': 'exhausted',
      'sloth-missing': 'no-data',
      'openslo-outage': 'critical',
      'openslo-exhausted': 'exhausted',
      'openslo-steady-rate': 'ok',
    });
    // Half an hour at 30x the budget: the 1h pair burns at ~15x, the 6h pair only ~2.5x.
    expect(statuses.get('sloth-outage')?.alerts).toEqual([
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        threshold: 14.4,
      },
    ]);
    expect(statuses.get('sloth-exhausted')?.errorBudgetRemaining).toBeLessThan(
      0,
    );
  });

  it('reports zero traffic and missing metrics as no data, never 0% or 100%', () => {
    for (const name of ['sloth-idle', 'sloth-missing']) {
      expect(statuses.get(name)).toMatchObject({
        state: 'no-data',
        sli: null,
        errorBudgetRemaining: null,
        alerts: [],
        reason: expect.stringContaining('no samples or no traffic'),
      });
    }
  });

  it('reports an unreachable instance as unavailable with the reason', () => {
    expect(unreachable.size).toBe(statuses.size);
    for (const status of unreachable.values()) {
      expect(status).toMatchObject({
        state: 'unavailable',
        sli: null,
        errorBudgetRemaining: null,
        burnRates: {},
        instance: 'down',
        reason: expect.stringMatching(
          /^Prometheus "down" \(http:\/\/127\.0\.0\.1:\d+\) cannot be reached: ECONNREFUSED$/,
        ),
      });
    }
  });
});
