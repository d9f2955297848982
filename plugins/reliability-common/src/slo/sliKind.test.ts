import { inferSliKind, isSliKind } from './sliKind';

describe('inferSliKind', () => {
  it.each([
    [['checkout-availability'], 'availability'],
    [['API uptime'], 'availability'],
    [['checkout-latency'], 'latency'],
    [['Request duration under 300ms'], 'latency'],
    [['p99 render time'], 'latency'],
    [['search-p95'], 'latency'],
    [['http-errors'], 'error-rate'],
    [['Error rate of the API'], 'error-rate'],
    [['orders are correct'], 'correctness'],
    [['ledger-correctness'], 'correctness'],
    [['blob durability'], 'durability'],
    [['objects are durable'], 'durability'],
    [['index-freshness'], 'freshness'],
    [['consumer lag'], 'freshness'],
    [['cache staleness'], 'freshness'],
    [['ingest throughput'], 'throughput'],
    [['min rps served'], 'throughput'],
    [['kafka_lag'], 'freshness'],
    [['feature-flags'], 'other'],
    [['corpse-count'], 'other'],
    [['orders-processed'], 'other'],
    [[undefined, 'checkout'], 'other'],
  ] as const)('infers %j as %s', (texts, kind) => {
    expect(inferSliKind([...texts])).toBe(kind);
  });

  it('checks keywords in order: availability before error', () => {
    expect(inferSliKind(['availability', 'counts 5xx errors'])).toBe(
      'availability',
    );
  });

  it('checks keywords in order: latency before error', () => {
    expect(inferSliKind(['requests', 'latency error budget'])).toBe('latency');
  });

  it('falls back to the given kind when nothing matches', () => {
    expect(inferSliKind(['checkout'], 'latency')).toBe('latency');
  });
});

describe('isSliKind', () => {
  it('accepts only the contract values', () => {
    expect(isSliKind('error-rate')).toBe(true);
    expect(isSliKind('other')).toBe(true);
    expect(isSliKind('errors')).toBe(false);
    expect(isSliKind('Availability')).toBe(false);
    expect(isSliKind(undefined)).toBe(false);
  });
});
