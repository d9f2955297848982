import { batchQuery } from './batch';
import {
  countOverWindow,
  isWindowedQuery,
  planSloQueries,
  ratioOverWindow,
  sliceErrorRatio,
  subqueryStep,
  templateWindow,
  timeSlicePlan,
} from './queries';

describe('templateWindow', () => {
  it('replaces every {{.window}}, with or without spaces', () => {
    const query =
      'sum(rate(errors[{{.window}}])) / sum(rate(total[{{ .window }}]))';
    expect(isWindowedQuery(query)).toBe(true);
    expect(templateWindow(query, '1h')).toBe(
      'sum(rate(errors[1h])) / sum(rate(total[1h]))',
    );
  });
  it('leaves other queries alone', () => {
    expect(isWindowedQuery('sum(rate(x[5m]))')).toBe(false);
  });
});

describe('countOverWindow and ratioOverWindow', () => {
  it('sums a windowed query over the window', () => {
    expect(countOverWindow('increase(x[{{.window}}])', 3600)).toBe(
      'sum(increase(x[1h]))',
    );
  });
  it('integrates a rate series with a subquery', () => {
    expect(countOverWindow('sum(rate(x[1m]))', 3600)).toBe(
      'sum(sum_over_time((sum(rate(x[1m])))[1h:1m]))',
    );
    expect(countOverWindow('rate(x[1m])', 28 * 86400)).toBe(
      'sum(sum_over_time((rate(x[1m]))[28d:21m]))',
    );
  });
  it('averages a ratio', () => {
    expect(ratioOverWindow('r{w="{{.window}}"}', 300)).toBe('avg(r{w="5m"})');
    expect(ratioOverWindow('r', 300)).toBe('avg(avg_over_time((r)[5m:1m]))');
  });
  it('keeps a 30-day subquery near 2,000 points and short ones at a minute', () => {
    expect(subqueryStep(300)).toBe('1m');
    expect(subqueryStep(86400)).toBe('1m');
    expect(subqueryStep(30 * 86400)).toBe('22m');
  });
});

describe('planSloQueries', () => {
  it('asks for bad and total over the SLO window and every burn window', () => {
    const plan = planSloQueries(
      { type: 'events', bad: 'b[{{.window}}]', total: 't[{{.window}}]' },
      28 * 86400,
      null,
    );
    expect(plan.map(query => query.key)).toEqual([
      'slo:bad',
      'slo:total',
      ...['5m', '30m', '1h', '2h', '6h', '1d', '3d'].flatMap(w => [
        `${w}:bad`,
        `${w}:total`,
      ]),
    ]);
    expect(plan[0].expr).toBe('sum(b[28d])');
    expect(plan[3].expr).toBe('sum(t[5m])');
  });
  it('asks for good instead of bad when the SLI counts good events', () => {
    const plan = planSloQueries(
      { type: 'events', good: 'g', total: 't' },
      60,
      null,
    );
    expect(plan[0].key).toBe('slo:good');
  });
  it('asks for one ratio per window for a ratio SLI', () => {
    const plan = planSloQueries({ type: 'ratio', errorRatio: 'r' }, 60, null);
    expect(plan.map(query => query.key)).toEqual([
      'slo:ratio',
      '5m:ratio',
      '30m:ratio',
      '1h:ratio',
      '2h:ratio',
      '6h:ratio',
      '1d:ratio',
      '3d:ratio',
    ]);
  });
  it('counts good slices and slices with data for Timeslices', () => {
    const plan = planSloQueries(
      { type: 'events', bad: 'b[{{.window}}]', total: 't[{{.window}}]' },
      86400,
      { method: 'Timeslices', sliceSeconds: 60, target: 0.95 },
    );
    expect(plan.slice(0, 2)).toEqual([
      {
        key: 'slo:goodSlices',
        expr: 'sum_over_time(((((sum(b[1m])) / (sum(t[1m]))) >= 0) <= bool 0.05)[1d:1m])',
      },
      {
        key: 'slo:slices',
        expr: 'count_over_time((((sum(b[1m])) / (sum(t[1m]))) >= 0)[1d:1m])',
      },
    ]);
  });
  it('averages slice ratios for RatioTimeslices', () => {
    const plan = planSloQueries({ type: 'ratio', errorRatio: 'r' }, 86400, {
      method: 'RatioTimeslices',
      sliceSeconds: 300,
      target: null,
    });
    expect(plan[0]).toEqual({
      key: 'slo:meanSliceRatio',
      expr: 'avg_over_time(((avg(avg_over_time((r)[5m:1m]))) >= 0)[1d:5m])',
    });
  });
});

describe('sliceErrorRatio', () => {
  it('derives the error ratio of a good-events slice', () => {
    expect(sliceErrorRatio({ type: 'events', good: 'g', total: 't' }, 60)).toBe(
      '(1 - (sum(sum_over_time((g)[1m:1m]))) / (sum(sum_over_time((t)[1m:1m])))) >= 0',
    );
  });
});

describe('timeSlicePlan', () => {
  it('is null for Occurrences and for an unreadable slice', () => {
    expect(timeSlicePlan({ budgetingMethod: 'Occurrences' })).toBeNull();
    expect(
      timeSlicePlan({
        budgetingMethod: 'Timeslices',
        timeSlices: { window: 'soon', target: 0.9 },
      }),
    ).toBeNull();
  });
  it('reads the slice and its target', () => {
    expect(
      timeSlicePlan({
        budgetingMethod: 'Timeslices',
        timeSlices: { window: '5m', target: 0.9 },
      }),
    ).toEqual({ method: 'Timeslices', sliceSeconds: 300, target: 0.9 });
  });
});

describe('batchQuery', () => {
  it('labels each query with its index and joins them with or', () => {
    expect(batchQuery(['sum(a)', 'sum(b)'])).toBe(
      'label_replace(sum(a), "__reliability_query", "0", "", "") or label_replace(sum(b), "__reliability_query", "1", "", "")',
    );
  });
});
