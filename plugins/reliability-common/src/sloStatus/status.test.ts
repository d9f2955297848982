import type { NormalizedSlo } from '../types';
import {
  errorRatioExpr,
  planMeasurement,
  prometheusGraphUrl,
  statusFromAnswers,
  statusWithoutFigures,
  withSince,
} from './status';

const now = new Date('2026-12-07T10:00:00Z');

const slo = (overrides: Partial<NormalizedSlo> = {}): NormalizedSlo => ({
  name: 'checkout',
  sli: 'availability',
  target: 0.999,
  window: '28d',
  windowMinutes: 28 * 1440,
  errorBudget: 0.001,
  allowedBadMinutes: 40.32,
  hasAlerting: true,
  source: 'sloth',
  rolling: true,
  document: 0,
  measurement: { type: 'events', bad: 'b', total: 't' },
  ...overrides,
});

/** Answers with the same error ratio on every window. */
function answers(
  errorRatio: number,
  overrides: Record<string, number | null> = {},
) {
  const map = new Map<string, number | null>();
  for (const scope of ['slo', '5m', '30m', '1h', '2h', '6h', '1d', '3d']) {
    map.set(`${scope}:bad`, errorRatio * 1000);
    map.set(`${scope}:total`, 1000);
  }
  for (const [key, value] of Object.entries(overrides)) {
    map.set(key, value);
  }
  return map;
}

describe('planMeasurement', () => {
  it('plans the queries of a measurable SLO over its window', () => {
    const plan = planMeasurement(slo(), now);
    expect(plan).toMatchObject({ kind: 'queries', windowSeconds: 28 * 86400 });
  });
  it('says why an SLO cannot be measured', () => {
    expect(planMeasurement(slo({ measurement: undefined }), now)).toEqual({
      kind: 'not-measured',
      reason: 'the SLO file gives no query to measure it',
    });
    expect(
      planMeasurement(
        slo({ measurement: { type: 'not-measured', reason: 'threshold' } }),
        now,
      ),
    ).toEqual({ kind: 'not-measured', reason: 'threshold' });
    expect(planMeasurement(slo({ windowMinutes: null }), now)).toMatchObject({
      kind: 'not-measured',
    });
    expect(
      planMeasurement(
        slo({
          budgetingMethod: 'Timeslices',
          timeSlices: { window: '1m', target: null },
        }),
        now,
      ),
    ).toMatchObject({
      kind: 'not-measured',
      reason: expect.stringContaining('timeSliceTarget'),
    });
  });
});

describe('statusFromAnswers', () => {
  const measuredAt = now;
  it('is ok with the contract example figures', () => {
    const status = statusFromAnswers(
      slo(),
      answers(0.0005, { 'slo:bad': 0.47 }),
      {
        measuredAt,
      },
    );
    expect(status).toEqual({
      state: 'ok',
      sli: 0.99953,
      errorBudgetRemaining: 0.53,
      burnRates: {
        '5m': 0.5,
        '30m': 0.5,
        '1h': 0.5,
        '2h': 0.5,
        '6h': 0.5,
        '1d': 0.5,
        '3d': 0.5,
      },
      alerts: [],
      reason: null,
      measuredAt: '2026-12-07T10:00:00.000Z',
    });
  });
  it('is critical while a page pair fires and the budget lasts', () => {
    const status = statusFromAnswers(
      slo(),
      answers(0.0002, { '1h:bad': 20, '5m:bad': 30 }),
      { measuredAt },
    );
    expect(status.state).toBe('critical');
    expect(status.alerts).toEqual([
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        threshold: 14.4,
      },
    ]);
  });
  it('is warning on a ticket pair only', () => {
    const status = statusFromAnswers(
      slo(),
      answers(0.0002, { '1d:bad': 3, '2h:bad': 3 }),
      { measuredAt },
    );
    expect(status.state).toBe('warning');
  });
  it('is exhausted with a negative budget when overspent', () => {
    const status = statusFromAnswers(slo(), answers(0.003), { measuredAt });
    expect(status.state).toBe('exhausted');
    expect(status.errorBudgetRemaining).toBe(-2);
  });
  it('is no-data with zero traffic, never 0% or 100%', () => {
    const status = statusFromAnswers(
      slo(),
      answers(0, { 'slo:total': 0, 'slo:bad': 0, '5m:total': 0 }),
      { measuredAt },
    );
    expect(status).toMatchObject({
      state: 'no-data',
      sli: null,
      errorBudgetRemaining: null,
      alerts: [],
    });
    expect(status.reason).toMatch(/no samples or no traffic/);
    expect(status.burnRates['5m']).toBeNull();
  });
  it('is no-data with no samples at all', () => {
    const empty = new Map<string, null>([
      ['slo:bad', null],
      ['slo:total', null],
    ]);
    expect(statusFromAnswers(slo(), empty, { measuredAt }).state).toBe(
      'no-data',
    );
  });
  it('reads a ratio SLI', () => {
    const ratio = new Map([
      ['slo:ratio', 0.0005],
      ['1h:ratio', 0.0005],
    ]);
    const status = statusFromAnswers(slo(), ratio, { measuredAt });
    expect(status.sli).toBe(0.9995);
    expect(status.burnRates['1h']).toBe(0.5);
    expect(status.burnRates['5m']).toBeNull();
  });
  it('budgets by good slices for Timeslices', () => {
    const slices = answers(0, { 'slo:goodSlices': 995, 'slo:slices': 1000 });
    slices.delete('slo:bad');
    slices.delete('slo:total');
    const status = statusFromAnswers(slo({ target: 0.99 }), slices, {
      measuredAt,
    });
    expect(status.sli).toBe(0.995);
    expect(status.errorBudgetRemaining).toBe(0.5);
  });
  it('budgets by the mean slice ratio for RatioTimeslices', () => {
    const slices = new Map([['slo:meanSliceRatio', 0.02]]);
    const status = statusFromAnswers(slo({ target: 0.99 }), slices, {
      measuredAt,
    });
    expect(status.sli).toBe(0.98);
    expect(status.state).toBe('exhausted');
  });
  it('uses configured alert pairs', () => {
    const status = statusFromAnswers(slo(), answers(0.0002), {
      measuredAt,
      pairs: [
        {
          severity: 'ticket',
          longWindow: '6h',
          shortWindow: '5m',
          threshold: 0.1,
        },
      ],
    });
    expect(status.state).toBe('warning');
  });
});

describe('withSince', () => {
  const later = new Date('2026-12-07T10:05:00Z');
  it('starts a state at its first measurement', () => {
    const first = withSince(statusWithoutFigures('no-data', 'x', now), null);
    expect(first.since).toBe(now.toISOString());
    const changed = withSince(
      statusWithoutFigures('unavailable', 'down', later),
      first,
    );
    expect(changed.since).toBe(later.toISOString());
  });
  it('keeps the start while the state holds', () => {
    const first = withSince(statusWithoutFigures('no-data', 'x', now), null);
    const again = withSince(statusWithoutFigures('no-data', 'x', later), first);
    expect(again.since).toBe(now.toISOString());
    const legacy = { ...first, since: undefined };
    expect(
      withSince(statusWithoutFigures('no-data', 'x', later), legacy).since,
    ).toBe(now.toISOString());
  });
});

describe('errorRatioExpr and prometheusGraphUrl', () => {
  it('divides bad by total, derives it from good, or takes the ratio', () => {
    const q = (key: string, expr: string) => ({ key, expr });
    expect(errorRatioExpr([q('1h:bad', 'b'), q('1h:total', 't')], '1h')).toBe(
      '(b) / (t)',
    );
    expect(errorRatioExpr([q('1h:good', 'g'), q('1h:total', 't')], '1h')).toBe(
      '1 - (g) / (t)',
    );
    expect(errorRatioExpr([q('1h:ratio', 'r')], '1h')).toBe('r');
    expect(errorRatioExpr([q('5m:ratio', 'r')], '1h')).toBeUndefined();
  });
  it('links to the graph page with the expression encoded', () => {
    expect(prometheusGraphUrl('http://prom:9090/', 'sum(x{a="b"})')).toBe(
      'http://prom:9090/graph?g0.expr=sum(x%7Ba%3D%22b%22%7D)&g0.tab=0&g0.range_input=1d',
    );
  });
});
