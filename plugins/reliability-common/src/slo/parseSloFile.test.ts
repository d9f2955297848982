import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSloFile } from './parseSloFile';

function fixture(name: string): string {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
}

describe('parseSloFile with an OpenSLO file', () => {
  const result = parseSloFile(fixture('openslo-checkout.yaml'), {
    file: 'slos/checkout.yaml',
  });

  it('reads every objective of every SLO and reports nothing', () => {
    expect(result.problems).toEqual([]);
    expect(result.slos.map(slo => slo.name)).toEqual([
      'checkout-availability',
      'checkout-latency-fast',
      'checkout-latency-very-fast',
      'orders-persisted',
    ]);
  });

  it('resolves an indicatorRef and an alertPolicyRef to documents of the file', () => {
    expect(result.slos[0]).toEqual({
      name: 'checkout-availability',
      sli: 'availability',
      target: 0.999,
      window: '28d',
      windowMinutes: 28 * 24 * 60,
      errorBudget: 0.001,
      allowedBadMinutes: 40.32,
      hasAlerting: true,
      source: 'openslo',
      description: 'Checkout requests succeed',
      service: 'checkout',
      budgetingMethod: 'Occurrences',
      rolling: true,
      document: 2,
      measurement: {
        type: 'events',
        good: 'sum(rate(http_requests_total{service="checkout",code!~"5.."}[1m]))',
        total: 'sum(rate(http_requests_total{service="checkout"}[1m]))',
      },
    });
  });

  it('reads an inline threshold indicator, a calendar month, targetPercent and time slices', () => {
    const [fast, veryFast] = result.slos.slice(1, 3);
    expect(fast).toMatchObject({
      sli: 'latency',
      target: 0.99,
      window: '1M',
      windowMinutes: 30 * 24 * 60,
      errorBudget: 0.01,
      allowedBadMinutes: 432,
      budgetingMethod: 'Timeslices',
      rolling: false,
      hasAlerting: true,
      document: 3,
      timeSlices: { window: '1m', target: 0.95 },
      measurement: {
        type: 'not-measured',
        reason:
          'the SLI is a thresholdMetric; only ratioMetric SLIs are measured',
      },
    });
    expect(veryFast).toMatchObject({
      target: 0.9,
      errorBudget: 0.1,
      allowedBadMinutes: 4320,
    });
  });

  it('takes the SLI kind from a reliability/sli label and keeps an SLO without alerting', () => {
    expect(result.slos[3]).toEqual({
      name: 'orders-persisted',
      sli: 'durability',
      target: 0.9999,
      window: '1Q',
      windowMinutes: 90 * 24 * 60,
      errorBudget: 0.0001,
      allowedBadMinutes: 12.96,
      hasAlerting: false,
      source: 'openslo',
      service: 'checkout',
      budgetingMethod: 'RatioTimeslices',
      rolling: true,
      document: 4,
      timeSlices: { window: '5m', target: null },
      measurement: {
        type: 'events',
        good: 'sum(rate(orders_committed_total[1m]))',
        total: 'sum(rate(orders_received_total[1m]))',
      },
    });
  });
});

describe('parseSloFile with a Sloth file', () => {
  const result = parseSloFile(fixture('sloth-payments.yaml'), {
    file: 'slos/payments.yaml',
  });

  it('reads events, raw and plugin SLIs with a 30d window', () => {
    expect(result.problems).toEqual([]);
    expect(
      result.slos.map(
        ({ name, sli, target, errorBudget, allowedBadMinutes }) => ({
          name,
          sli,
          target,
          errorBudget,
          allowedBadMinutes,
        }),
      ),
    ).toEqual([
      {
        name: 'requests-availability',
        sli: 'availability',
        target: 0.999,
        errorBudget: 0.001,
        allowedBadMinutes: 43.2,
      },
      {
        name: 'requests-latency',
        sli: 'latency',
        target: 0.99,
        errorBudget: 0.01,
        allowedBadMinutes: 432,
      },
      {
        name: 'control-plane',
        sli: 'latency',
        target: 0.995,
        errorBudget: 0.005,
        allowedBadMinutes: 216,
      },
      {
        name: 'settlement-jobs',
        sli: 'correctness',
        target: 0.9995,
        errorBudget: 0.0005,
        allowedBadMinutes: 21.6,
      },
    ]);
    for (const slo of result.slos) {
      expect(slo).toMatchObject({
        window: '30d',
        windowMinutes: 30 * 24 * 60,
        source: 'sloth',
        service: 'payments',
        budgetingMethod: 'Occurrences',
        rolling: true,
        document: 0,
      });
    }
  });

  it('measures events and raw SLIs with their queries', () => {
    expect(result.slos[0].measurement).toEqual({
      type: 'events',
      bad: 'sum(rate(http_request_duration_seconds_count{job="payments",code=~"(5..|429)"}[{{.window}}]))',
      total:
        'sum(rate(http_request_duration_seconds_count{job="payments"}[{{.window}}]))',
    });
    expect(result.slos[1].measurement).toMatchObject({
      type: 'ratio',
      errorRatio: expect.stringContaining('le="0.5"'),
    });
  });

  it('counts alerting unless both page and ticket alerts are disabled', () => {
    expect(result.slos.map(slo => [slo.name, slo.hasAlerting])).toEqual([
      ['requests-availability', true],
      ['requests-latency', false],
      ['control-plane', true],
      ['settlement-jobs', false],
    ]);
  });

  it('keeps the description', () => {
    expect(result.slos[0].description).toBe('Payment API requests succeed.');
  });
});

describe('parseSloFile with mixed formats', () => {
  it('reads OpenSLO and Sloth documents of one file in document order', () => {
    const text = `${fixture('sloth-payments.yaml')}\n---\n${fixture(
      'openslo-checkout.yaml',
    )}`;
    const result = parseSloFile(text);
    expect(result.problems).toEqual([]);
    expect(result.slos).toHaveLength(8);
    expect(result.slos[0].source).toBe('sloth');
    expect(result.slos[4]).toMatchObject({
      name: 'checkout-availability',
      document: 3,
    });
  });
});
