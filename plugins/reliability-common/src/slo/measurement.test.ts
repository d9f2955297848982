import { openSloMeasurement, slothMeasurement } from './measurement';

const prom = (query: string, type = 'Prometheus') => ({
  metricSource: { type, spec: { query } },
});

describe('slothMeasurement', () => {
  it('reads events as bad and total queries', () => {
    expect(
      slothMeasurement({ events: { error_query: 'e', total_query: 't' } }),
    ).toEqual({ type: 'events', bad: 'e', total: 't' });
  });
  it('reads raw as the error ratio', () => {
    expect(slothMeasurement({ raw: { error_ratio_query: 'r' } })).toEqual({
      type: 'ratio',
      errorRatio: 'r',
    });
  });
  it('cannot measure a plugin SLI and says which plugin', () => {
    expect(slothMeasurement({ plugin: { id: 'sloth-common/x' } })).toEqual({
      type: 'not-measured',
      reason: expect.stringContaining('"sloth-common/x"'),
    });
  });
});

describe('openSloMeasurement', () => {
  it('reads good and total of a Prometheus ratioMetric, in any case of the type', () => {
    expect(
      openSloMeasurement({
        spec: {
          ratioMetric: { good: prom('g', 'prometheus'), total: prom('t') },
        },
      }),
    ).toEqual({ type: 'events', good: 'g', total: 't' });
  });
  it('reads bad and total', () => {
    expect(
      openSloMeasurement({
        spec: {
          ratioMetric: { bad: prom('b', 'PROMETHEUS'), total: prom('t') },
        },
      }),
    ).toEqual({ type: 'events', bad: 'b', total: 't' });
  });
  it('reads a raw failure ratio as is and turns a success ratio into an error ratio', () => {
    expect(
      openSloMeasurement({ spec: { ratioMetric: { raw: prom('r') } } }),
    ).toEqual({ type: 'ratio', errorRatio: 'r' });
    expect(
      openSloMeasurement({
        spec: { ratioMetric: { raw: prom('r'), rawType: 'success' } },
      }),
    ).toEqual({ type: 'ratio', errorRatio: '1 - (r)' });
  });
  it.each([
    [{ spec: { thresholdMetric: prom('q') } }, 'thresholdMetric'],
    [{ spec: {} }, 'no ratioMetric'],
    [
      {
        spec: { ratioMetric: { good: prom('g', 'Datadog'), total: prom('t') } },
      },
      '"Datadog"',
    ],
    [{ spec: { ratioMetric: { good: prom('g') } } }, 'total metric has no'],
    [
      { spec: { ratioMetric: { good: prom(' '), total: prom('t') } } },
      'no metricSource.spec.query',
    ],
  ])('cannot measure %j', (indicator, reason) => {
    expect(openSloMeasurement(indicator as any)).toEqual({
      type: 'not-measured',
      reason: expect.stringContaining(reason),
    });
  });
});
