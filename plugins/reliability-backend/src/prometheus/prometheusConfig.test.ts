import { ConfigReader } from '@backstage/config';
import { DEFAULT_ALERT_PAIRS } from '@reliability-suite/plugin-reliability-common';
import { readPrometheusSettings } from './prometheusConfig';

const read = (prometheus: unknown) =>
  readPrometheusSettings(
    new ConfigReader({ reliability: { prometheus } } as any),
  );

describe('readPrometheusSettings', () => {
  it('is undefined without reliability.prometheus', () => {
    expect(readPrometheusSettings(new ConfigReader({}))).toBeUndefined();
  });

  it('fills the defaults and makes a single instance the default', () => {
    expect(
      read({ instances: [{ name: 'main', baseUrl: 'http://prom:9090/' }] }),
    ).toEqual({
      instances: [
        {
          name: 'main',
          baseUrl: 'http://prom:9090',
          default: true,
          headers: {},
        },
      ],
      frequencyMinutes: 5,
      timeoutMs: 30_000,
      concurrency: 4,
      batchSize: 50,
      alertPairs: DEFAULT_ALERT_PAIRS,
    });
  });

  it('reads headers, frequency, timeout and alert pairs', () => {
    const settings = read({
      instances: [
        { name: 'a', baseUrl: 'https://a' },
        {
          name: 'b',
          baseUrl: 'https://b',
          default: true,
          headers: { Authorization: 'Bearer x' },
        },
      ],
      frequency: { minutes: 1 },
      timeout: { seconds: 5 },
      alerts: [
        {
          severity: 'page',
          longWindow: '1h',
          shortWindow: '5m',
          threshold: 10,
        },
      ],
    })!;
    expect(settings.instances.map(i => [i.name, i.default])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(settings.instances[1].headers).toEqual({
      Authorization: 'Bearer x',
    });
    expect(settings.frequencyMinutes).toBe(1);
    expect(settings.timeoutMs).toBe(5000);
    expect(settings.alertPairs).toHaveLength(1);
  });

  it.each([
    [{}, 'reliability.prometheus.instances'],
    [{ instances: [] }, 'reliability.prometheus.instances: must list'],
    [
      { instances: [{ name: 'a', baseUrl: 'prom:9090' }] },
      'reliability.prometheus.instances[0].baseUrl: must be an http(s) URL',
    ],
    [
      { instances: [{ name: 'a b', baseUrl: 'http://p' }] },
      'reliability.prometheus.instances[0].name',
    ],
    [
      {
        instances: [
          { name: 'a', baseUrl: 'http://p' },
          { name: 'a', baseUrl: 'http://q' },
        ],
      },
      'reliability.prometheus.instances[1].name: "a" is used',
    ],
    [
      {
        instances: [
          { name: 'a', baseUrl: 'http://p', default: true },
          { name: 'b', baseUrl: 'http://q', default: true },
        ],
      },
      'reliability.prometheus.instances[1].default',
    ],
    [
      {
        instances: [{ name: 'a', baseUrl: 'http://p' }],
        frequency: { minutes: 0 },
      },
      'reliability.prometheus.frequency.minutes',
    ],
    [
      { instances: [{ name: 'a', baseUrl: 'http://p' }], typo: 1 },
      'reliability.prometheus',
    ],
    [
      {
        instances: [{ name: 'a', baseUrl: 'http://p' }],
        alerts: [
          {
            severity: 'page',
            longWindow: '2d',
            shortWindow: '5m',
            threshold: 1,
          },
        ],
      },
      'reliability.prometheus.alerts[0].longWindow',
    ],
  ])('stops start-up naming the bad key for %j', (value, key) => {
    expect(() => read(value)).toThrow(key);
  });
});
