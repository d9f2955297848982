import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NormalizedSlo } from '../types';
import { parseSloFiles } from './parseSloFiles';

function read(name: string) {
  const location = `slos/${name}`;
  return parseSloFiles([
    {
      location,
      text: readFileSync(join(__dirname, '__fixtures__', name), 'utf8'),
    },
  ]);
}

const DAY = 24 * 60;

/** The fields that make the numbers, per SLO, in file order. */
function numbers(slos: NormalizedSlo[]) {
  return slos.map(slo => ({
    name: slo.name,
    service: slo.service,
    source: slo.source,
    sli: slo.sli,
    target: slo.target,
    window: slo.window,
    windowMinutes: slo.windowMinutes,
    errorBudget: slo.errorBudget,
    allowedBadMinutes: slo.allowedBadMinutes,
    budgetingMethod: slo.budgetingMethod,
    rolling: slo.rolling,
    hasAlerting: slo.hasAlerting,
  }));
}

describe('OpenSLO v1 composite objectives over two files', () => {
  const text = (name: string) =>
    readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
  const result = parseSloFiles([
    { location: 'slos/journey.yaml', text: text('openslo-v1-composite.yaml') },
    { location: 'slos/slis.yaml', text: text('openslo-v1-slis.yaml') },
  ]);

  it('reads one SLO per objective, each with its own SLI from the other file', () => {
    expect(result.problems).toEqual([]);
    const common = {
      service: 'checkout',
      source: 'openslo',
      sli: 'availability',
      window: '1Q',
      windowMinutes: 90 * DAY,
      budgetingMethod: 'Occurrences',
      rolling: false,
      hasAlerting: true,
    };
    expect(numbers(result.slos)).toEqual([
      {
        ...common,
        name: 'checkout-journey-basket',
        target: 0.999,
        errorBudget: 0.001,
        allowedBadMinutes: 129.6,
      },
      {
        ...common,
        name: 'checkout-journey-payment',
        target: 0.995,
        errorBudget: 0.005,
        allowedBadMinutes: 648,
      },
    ]);
  });

  it('rejects the objective whose SLI is in neither file, keeping the other', () => {
    const invalid = parseSloFiles([
      {
        location: 'slos/journey.yaml',
        text: text('openslo-v1-composite.yaml').replace(
          'indicatorRef: payment-availability',
          'indicatorRef: payments',
        ),
      },
      { location: 'slos/slis.yaml', text: text('openslo-v1-slis.yaml') },
    ]);
    expect(invalid.slos.map(slo => slo.name)).toEqual([
      'checkout-journey-basket',
    ]);
    expect(invalid.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'slos/journey.yaml',
        path: 'spec.objectives[1].indicatorRef',
      }),
    ]);
  });
});

describe('OpenSLO v1alpha', () => {
  const result = read('openslo-v1alpha.yaml');

  it('reads unit/count windows, calendar months, time slices and threshold objectives', () => {
    expect(result.problems).toEqual([]);
    expect(numbers(result.slos)).toEqual([
      {
        name: 'search-availability',
        service: 'search',
        source: 'openslo',
        sli: 'availability',
        target: 0.99,
        window: '1M',
        windowMinutes: 30 * DAY,
        errorBudget: 0.01,
        allowedBadMinutes: 432,
        budgetingMethod: 'Timeslices',
        rolling: false,
        hasAlerting: false,
      },
      {
        name: 'search-latency-fast',
        service: 'search',
        source: 'openslo',
        sli: 'latency',
        target: 0.999,
        window: '28d',
        windowMinutes: 28 * DAY,
        errorBudget: 0.001,
        allowedBadMinutes: 40.32,
        budgetingMethod: 'Occurrences',
        rolling: true,
        hasAlerting: false,
      },
      {
        name: 'search-latency-very-fast',
        service: 'search',
        source: 'openslo',
        sli: 'latency',
        target: 0.9,
        window: '28d',
        windowMinutes: 28 * DAY,
        errorBudget: 0.1,
        allowedBadMinutes: 4032,
        budgetingMethod: 'Occurrences',
        rolling: true,
        hasAlerting: false,
      },
    ]);
  });

  it('rejects a v1alpha timeSliceTarget outside (0,1], naming the field', () => {
    const fixture = readFileSync(
      join(__dirname, '__fixtures__', 'openslo-v1alpha.yaml'),
      'utf8',
    );
    const result2 = parseSloFiles([
      {
        location: 'v1alpha.yaml',
        text: fixture.replace('timeSliceTarget: 0.95', 'timeSliceTarget: 2'),
      },
    ]);
    expect(result2.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec.objectives[0].timeSliceTarget',
      }),
    ]);
  });

  it.each([
    [
      'unit: Month',
      'unit: Fortnight',
      'spec.timeWindows[0].unit',
      '"Fortnight" is not a window unit',
    ],
    [
      'count: 1',
      'count: 0',
      'spec.timeWindows[0].count',
      '0 is not a whole number above 0',
    ],
    [
      'count: 1',
      'count: one',
      'spec.timeWindows[0].count',
      '"one" is not a whole number above 0',
    ],
  ])(
    'rejects an SLO whose %s is %s, naming the field',
    (from, to, path, text) => {
      const fixture = readFileSync(
        join(__dirname, '__fixtures__', 'openslo-v1alpha.yaml'),
        'utf8',
      );
      const invalid = parseSloFiles([
        { location: 'v1alpha.yaml', text: fixture.replace(from, to) },
      ]);
      expect(invalid.slos.map(slo => slo.name)).not.toContain(
        'search-availability',
      );
      expect(invalid.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          path,
          message: expect.stringContaining(text),
        }),
      ]);
    },
  );
});

describe('OpenSLO v2alpha', () => {
  const result = read('openslo-v2alpha.yaml');

  it('reads inline sli and sliRef, calendar weeks, time slices, targetPercent and alert policies', () => {
    expect(result.problems).toEqual([]);
    expect(numbers(result.slos)).toEqual([
      {
        name: 'web-availability',
        service: 'web',
        source: 'openslo',
        sli: 'availability',
        target: 0.995,
        window: '1w',
        windowMinutes: 7 * DAY,
        errorBudget: 0.005,
        allowedBadMinutes: 50.4,
        budgetingMethod: 'Timeslices',
        rolling: false,
        hasAlerting: false,
      },
      {
        name: 'web-errors',
        service: 'web',
        source: 'openslo',
        sli: 'error-rate',
        target: 0.9995,
        window: '30d',
        windowMinutes: 30 * DAY,
        errorBudget: 0.0005,
        allowedBadMinutes: 21.6,
        budgetingMethod: 'Occurrences',
        rolling: true,
        hasAlerting: true,
      },
    ]);
  });

  it('rejects a target of 1, naming the field', () => {
    const fixture = readFileSync(
      join(__dirname, '__fixtures__', 'openslo-v2alpha.yaml'),
      'utf8',
    );
    const invalid = parseSloFiles([
      {
        location: 'v2.yaml',
        text: fixture.replace('target: 0.995', 'target: 1'),
      },
    ]);
    expect(invalid.slos.map(slo => slo.name)).toEqual(['web-errors']);
    expect(invalid.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '[2].spec.objectives[0].target',
      }),
    ]);
  });
});

describe('Sloth on Kubernetes (PrometheusServiceLevel)', () => {
  const result = read('sloth-kubernetes.yaml');

  it('reads camelCase events, raw and plugin SLIs with a 30d window, one SLO per service and name', () => {
    expect(result.problems).toEqual([]);
    const common = {
      source: 'sloth',
      window: '30d',
      windowMinutes: 30 * DAY,
      budgetingMethod: 'Occurrences',
      rolling: true,
    };
    expect(numbers(result.slos)).toEqual([
      {
        ...common,
        name: 'requests-availability',
        service: 'home-wifi',
        sli: 'availability',
        target: 0.95,
        errorBudget: 0.05,
        allowedBadMinutes: 2160,
        hasAlerting: true,
      },
      {
        ...common,
        name: 'risky-clients',
        service: 'home-wifi',
        sli: 'other',
        target: 0.995,
        errorBudget: 0.005,
        allowedBadMinutes: 216,
        hasAlerting: false,
      },
      {
        ...common,
        name: 'requests-availability',
        service: 'api',
        sli: 'availability',
        target: 0.999,
        errorBudget: 0.001,
        allowedBadMinutes: 43.2,
        hasAlerting: true,
      },
    ]);
  });

  it('locates a problem inside spec', () => {
    const result2 = parseSloFiles([
      {
        location: 'k8s.yaml',
        text: readFileSync(
          join(__dirname, '__fixtures__', 'sloth-kubernetes.yaml'),
          'utf8',
        ).replace('objective: 99.5', 'objective: 100'),
      },
    ]);
    expect(result2.slos).toHaveLength(2);
    expect(result2.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        document: 0,
        path: 'spec.slos[1].objective',
      }),
    ]);
  });

  it('names a missing camelCase query by its Kubernetes name', () => {
    const invalid = parseSloFiles([
      {
        location: 'k8s.yaml',
        text: readFileSync(
          join(__dirname, '__fixtures__', 'sloth-kubernetes.yaml'),
          'utf8',
        ).replace(/ {10}totalQuery: .*\n/, ''),
      },
    ]);
    expect(invalid.slos.map(slo => slo.name)).toEqual([
      'risky-clients',
      'requests-availability',
    ]);
    expect(invalid.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec.slos[0].sli.events.totalQuery',
        message: expect.stringMatching(
          /^k8s\.yaml:18: spec\.slos\[0\]\.sli\.events\.totalQuery: Invalid input/,
        ),
      }),
    ]);
  });

  it('rejects another kind of sloth.slok.dev/v1', () => {
    const result2 = parseSloFiles([
      {
        location: 'k8s.yaml',
        text: 'apiVersion: sloth.slok.dev/v1\nkind: SomethingElse\nspec: {}\n',
      },
    ]);
    expect(result2.slos).toEqual([]);
    expect(result2.problems).toEqual([
      expect.objectContaining({ severity: 'error', path: 'kind' }),
    ]);
  });
});

describe('Pyrra', () => {
  const result = read('pyrra.yaml');

  it('reads ratio, latency, latencyNative and boolGauge indicators with percent-string targets', () => {
    expect(result.problems).toEqual([]);
    const common = {
      service: undefined,
      source: 'pyrra',
      budgetingMethod: 'Occurrences',
      rolling: true,
    };
    expect(numbers(result.slos)).toEqual([
      {
        ...common,
        name: 'pyrra-api-errors',
        sli: 'error-rate',
        target: 0.99,
        window: '2w',
        windowMinutes: 14 * DAY,
        errorBudget: 0.01,
        allowedBadMinutes: 201.6,
        hasAlerting: true,
      },
      {
        ...common,
        name: 'prometheus-query-latency',
        sli: 'latency',
        target: 0.995,
        window: '4w',
        windowMinutes: 28 * DAY,
        errorBudget: 0.005,
        allowedBadMinutes: 201.6,
        hasAlerting: true,
      },
      {
        ...common,
        name: 'apiserver-read-native',
        sli: 'latency',
        target: 0.95,
        window: '1w',
        windowMinutes: 7 * DAY,
        errorBudget: 0.05,
        allowedBadMinutes: 504,
        hasAlerting: false,
      },
      {
        ...common,
        name: 'blackbox-probe-uptime',
        sli: 'availability',
        target: 0.999,
        window: '28d',
        windowMinutes: 28 * DAY,
        errorBudget: 0.001,
        allowedBadMinutes: 40.32,
        hasAlerting: false,
      },
    ]);
  });

  it('gives the Prometheus queries of each indicator, over the asked window', () => {
    expect(result.slos.map(slo => slo.measurement)).toEqual([
      {
        type: 'events',
        bad: 'sum(increase(http_requests_total{job="pyrra",code=~"5.."}[{{.window}}]))',
        total: 'sum(increase(http_requests_total{job="pyrra"}[{{.window}}]))',
      },
      {
        type: 'events',
        good: 'sum(increase(prometheus_http_request_duration_seconds_bucket{handler="/api/v1/query",le="1"}[{{.window}}]))',
        total:
          'sum(increase(prometheus_http_request_duration_seconds_count{handler="/api/v1/query"}[{{.window}}]))',
      },
      {
        type: 'events',
        good: 'histogram_fraction(0, 0.5, sum(increase(apiserver_request_duration_seconds{verb="GET"}[{{.window}}]))) * histogram_count(sum(increase(apiserver_request_duration_seconds{verb="GET"}[{{.window}}])))',
        total:
          'histogram_count(sum(increase(apiserver_request_duration_seconds{verb="GET"}[{{.window}}])))',
      },
      {
        type: 'events',
        good: 'sum(sum_over_time(probe_success{job="blackbox",instance="https://example.com"}[{{.window}}]))',
        total:
          'sum(count_over_time(probe_success{job="blackbox",instance="https://example.com"}[{{.window}}]))',
      },
    ]);
  });

  const pyrra = (spec: string) =>
    parseSloFiles([
      {
        location: 'pyrra.yaml',
        text: `apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: x\nspec:\n${spec}`,
      },
    ]);
  const RATIO =
    '  indicator:\n    ratio:\n      errors: { metric: e }\n      total: { metric: t }\n';

  it.each([
    ['  target: "100"\n  window: 28d\n', 'spec.target', 'outside (0,100)'],
    ['  target: "high"\n  window: 28d\n', 'spec.target', 'not a percentage'],
    ['  window: 28d\n', 'spec.target', 'missing'],
    [
      '  target: "99"\n  window: 1M\n',
      'spec.window',
      'not a Prometheus duration',
    ],
    ['  target: "99"\n', 'spec.window', 'missing'],
  ])('rejects %j, naming the field', (spec, path, text) => {
    const result2 = pyrra(`${spec}${RATIO}`);
    expect(result2.slos).toEqual([]);
    expect(result2.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path,
        message: expect.stringContaining(text),
      }),
    ]);
  });

  it.each([
    ['  indicator: {}\n', 'spec.indicator', 'has none of ratio'],
    [
      '  indicator:\n    ratio:\n      total: { metric: t }\n',
      'spec.indicator.ratio.errors.metric',
      'missing',
    ],
    [
      '  indicator:\n    latencyNative:\n      latency: fast\n      total: { metric: t }\n',
      'spec.indicator.latencyNative.latency',
      'not a Prometheus duration',
    ],
  ])('rejects the indicator %j, naming the field', (indicator, path, text) => {
    const result2 = pyrra(`  target: "99"\n  window: 28d\n${indicator}`);
    expect(result2.slos).toEqual([]);
    expect(result2.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path,
        message: expect.stringContaining(text),
      }),
    ]);
  });

  it('accepts a numeric target as Pyrra does, and warns about a ratio written as a percentage', () => {
    expect(pyrra(`  target: 99.9\n  window: 30d\n${RATIO}`).slos).toEqual([
      expect.objectContaining({ target: 0.999, allowedBadMinutes: 43.2 }),
    ]);
    expect(pyrra(`  target: "0.99"\n  window: 30d\n${RATIO}`)).toMatchObject({
      slos: [{ target: 0.0099 }],
      problems: [{ severity: 'warning', path: 'spec.target' }],
    });
  });
});

describe('Nobl9', () => {
  const result = read('nobl9.yaml');

  it('reads every objective with its window, budgeting method, target and composite', () => {
    expect(result.problems).toEqual([]);
    const common = {
      service: 'checkout-api',
      source: 'nobl9',
    };
    expect(numbers(result.slos)).toEqual([
      {
        ...common,
        name: 'checkout-availability',
        sli: 'availability',
        target: 0.999,
        window: '28d',
        windowMinutes: 28 * DAY,
        errorBudget: 0.001,
        allowedBadMinutes: 40.32,
        budgetingMethod: 'Occurrences',
        rolling: true,
        hasAlerting: true,
      },
      {
        ...common,
        name: 'checkout-latency-acceptable',
        sli: 'latency',
        target: 0.95,
        window: '1M',
        windowMinutes: 30 * DAY,
        errorBudget: 0.05,
        allowedBadMinutes: 2160,
        budgetingMethod: 'Timeslices',
        rolling: false,
        hasAlerting: false,
      },
      {
        ...common,
        name: 'checkout-latency-fast',
        sli: 'latency',
        target: 0.99,
        window: '1M',
        windowMinutes: 30 * DAY,
        errorBudget: 0.01,
        allowedBadMinutes: 432,
        budgetingMethod: 'Timeslices',
        rolling: false,
        hasAlerting: false,
      },
      {
        ...common,
        name: 'checkout-journey',
        sli: 'other',
        target: 0.9,
        window: '7d',
        windowMinutes: 7 * DAY,
        errorBudget: 0.1,
        allowedBadMinutes: 1008,
        budgetingMethod: 'Occurrences',
        rolling: true,
        hasAlerting: false,
      },
      {
        ...common,
        name: 'payments-errors-good',
        sli: 'error-rate',
        target: 0.9995,
        window: '1Q',
        windowMinutes: 90 * DAY,
        errorBudget: 0.0005,
        allowedBadMinutes: 64.8,
        budgetingMethod: 'Occurrences',
        rolling: false,
        hasAlerting: false,
      },
      {
        ...common,
        name: 'payments-errors-composite',
        sli: 'error-rate',
        target: 0.99,
        window: '1Q',
        windowMinutes: 90 * DAY,
        errorBudget: 0.01,
        allowedBadMinutes: 1296,
        budgetingMethod: 'Occurrences',
        rolling: false,
        hasAlerting: false,
      },
    ]);
  });

  it('measures Prometheus count metrics and says why the others are not measured', () => {
    const measurements = result.slos.map(slo => slo.measurement);
    expect(measurements[0]).toEqual({
      type: 'events',
      good: 'sum(rate(http_requests_total{service="checkout",code!~"5.."}[1m]))',
      total: 'sum(rate(http_requests_total{service="checkout"}[1m]))',
    });
    expect(measurements.slice(1).map(m => m?.type)).toEqual(
      Array(5).fill('not-measured'),
    );
    expect(measurements[1]).toMatchObject({
      reason: expect.stringContaining('rawMetric threshold'),
    });
    expect(measurements[3]).toMatchObject({
      reason: expect.stringContaining('composite of 2 objectives'),
    });
    expect(measurements[4]).toMatchObject({
      reason: expect.stringContaining('datadog'),
    });
  });

  const nobl9 = (spec: string) =>
    parseSloFiles([
      {
        location: 'n9.yaml',
        text: `apiVersion: n9/v1alpha\nkind: SLO\nmetadata:\n  name: x\nspec:\n  service: s\n${spec}`,
      },
    ]);
  const WINDOW =
    '  timeWindows:\n    - unit: Day\n      count: 28\n      isRolling: true\n';
  const COUNTS =
    '      countMetrics:\n        good: { prometheus: { promql: g } }\n        total: { prometheus: { promql: t } }\n';

  it.each([
    [
      `${WINDOW}  budgetingMethod: Occurrences\n  objectives:\n    - value: 1\n      target: 99.9\n${COUNTS}`,
      'spec.objectives[0].target',
      'outside (0,1); for 99.9 % write 0.999',
    ],
    [
      `  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n${COUNTS}`,
      'spec.timeWindows',
      'missing',
    ],
    [
      `${WINDOW}  budgetingMethod: Ratio\n  objectives:\n    - target: 0.99\n${COUNTS}`,
      'spec.budgetingMethod',
      'not a budgeting method',
    ],
    [
      `${WINDOW}  budgetingMethod: Timeslices\n  objectives:\n    - target: 0.99\n${COUNTS}`,
      'spec.objectives[0].timeSliceTarget',
      'missing',
    ],
    [
      `${WINDOW}  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n      rawMetric:\n        query: { prometheus: { promql: q } }\n`,
      'spec.objectives[0].op',
      'needs op and value',
    ],
    [
      `${WINDOW}  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n`,
      'spec.objectives[0]',
      'has none of countMetrics, rawMetric or composite',
    ],
  ])('rejects an invalid SLO, naming the field (%#)', (spec, path, text) => {
    const result2 = nobl9(spec);
    expect(result2.slos).toEqual([]);
    expect(result2.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path,
        message: expect.stringContaining(text),
      }),
    ]);
  });

  it('says a file of only Nobl9 projects and services holds no SLO', () => {
    const fixture = readFileSync(
      join(__dirname, '__fixtures__', 'nobl9.yaml'),
      'utf8',
    );
    const onlyOthers = fixture.split('\n---\n').slice(0, 2).join('\n---\n');
    const result2 = parseSloFiles([{ location: 'n9.yaml', text: onlyOthers }]);
    expect(result2.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'n9.yaml holds no SLO, only 1 Project (checkout), 1 Service (checkout-api)',
        ),
      }),
    ]);
  });
});
