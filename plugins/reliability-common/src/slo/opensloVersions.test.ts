import { fillDataSourceTypes } from './opensloVersions';

describe('fillDataSourceTypes', () => {
  it('gives a metric source that references a DataSource the type of that DataSource', () => {
    const sli = {
      kind: 'SLI',
      spec: {
        ratioMetric: {
          good: { metricSource: { metricSourceRef: 'prom', spec: {} } },
          total: { metricSource: { metricSourceRef: 'other', spec: {} } },
          bad: {
            metricSource: { metricSourceRef: 'prom', type: 'Datadog' },
          },
        },
      },
    };
    fillDataSourceTypes([
      { value: sli },
      {
        value: {
          kind: 'DataSource',
          metadata: { name: 'prom' },
          spec: { type: 'Prometheus' },
        },
      },
    ]);
    expect(sli.spec.ratioMetric.good.metricSource).toEqual({
      metricSourceRef: 'prom',
      type: 'Prometheus',
      spec: {},
    });
    // Unknown references and explicit types stay as written.
    expect(sli.spec.ratioMetric.total.metricSource).toEqual({
      metricSourceRef: 'other',
      spec: {},
    });
    expect(sli.spec.ratioMetric.bad.metricSource.type).toBe('Datadog');
  });
});
