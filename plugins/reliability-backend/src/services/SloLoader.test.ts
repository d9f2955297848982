import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import { SloLoader } from './SloLoader';
import { MemoryCache } from '../__testUtils__/MemoryCache';

const OPENSLO = (target: number) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: availability
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{code!~"5.."}[5m]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total[5m]))
  objectives:
    - target: ${target}
`;

function entityWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

describe('SloLoader', () => {
  let dir: string;
  let catalogFile: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'slo-loader-'));
    catalogFile = path.join(dir, 'catalog-info.yaml');
    await fs.mkdir(path.join(dir, 'slos'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const localEntity = (ref = './slos/checkout.yaml') =>
    entityWith({
      'reliability/slo-ref': ref,
      'backstage.io/managed-by-location': `file:${catalogFile}`,
    });

  function createLoader(
    options: Partial<ConstructorParameters<typeof SloLoader>[0]> = {},
  ) {
    const cache = new MemoryCache();
    const urlReader = mockServices.urlReader.mock();
    const loader = new SloLoader({ urlReader, cache, ...options });
    return { loader, cache, urlReader };
  }

  it('reports absent when the entity has no slo-ref', async () => {
    const { loader } = createLoader();
    await expect(loader.load(entityWith({}))).resolves.toEqual({
      status: 'absent',
      slos: [],
      problems: [],
    });
  });

  it('reads a file relative to the catalog file and normalises its SLOs', async () => {
    await fs.writeFile(path.join(dir, 'slos/checkout.yaml'), OPENSLO(0.999));
    const { loader } = createLoader();
    const result = await loader.load(localEntity());
    expect(result.status).toBe('loaded');
    expect(result.location).toBe(
      `file:${path.join(dir, 'slos/checkout.yaml')}`,
    );
    expect(result.problems).toEqual([]);
    expect(result.slos).toEqual([
      expect.objectContaining({
        name: 'checkout-availability',
        target: 0.999,
        window: '28d',
        source: 'openslo',
      }),
    ]);
  });

  it('reloads a local file as soon as it changes, without waiting for the TTL', async () => {
    const file = path.join(dir, 'slos/checkout.yaml');
    await fs.writeFile(file, OPENSLO(0.999));
    const { loader } = createLoader({ cacheTtlSeconds: 3600 });
    expect((await loader.load(localEntity())).slos[0].target).toBe(0.999);
    expect((await loader.load(localEntity())).slos[0].target).toBe(0.999);

    await fs.writeFile(file, OPENSLO(0.95));
    // Force a distinct mtime even on filesystems with coarse timestamps.
    const later = new Date(Date.now() + 5000);
    await fs.utimes(file, later, later);
    expect((await loader.load(localEntity())).slos[0].target).toBe(0.95);
  });

  it('in a full run, reloads a changed local file once its check interval has passed', async () => {
    const file = path.join(dir, 'slos/checkout.yaml');
    await fs.writeFile(file, OPENSLO(0.999));
    let now = 1_000_000;
    const { loader } = createLoader({
      cacheTtlSeconds: 3600,
      fileCheckIntervalMs: 2000,
      now: () => now,
    });
    const fullRunLoad = async () =>
      (
        await loader.loadMany([localEntity()], 8, {
          reuseRecentFileChecks: true,
        })
      )[0].slos[0].target;
    expect(await fullRunLoad()).toBe(0.999);

    await fs.writeFile(file, OPENSLO(0.95));
    const later = new Date(Date.now() + 5000);
    await fs.utimes(file, later, later);
    now += 1999;
    expect(await fullRunLoad()).toBe(0.999);
    // A refresh of one entity checks its file at once.
    expect((await loader.load(localEntity())).slos[0].target).toBe(0.95);
    now += 1;
    expect(await fullRunLoad()).toBe(0.95);
  });

  it('checks a local file once per interval however many entities share it', async () => {
    const file = path.join(dir, 'slos/checkout.yaml');
    await fs.writeFile(file, OPENSLO(0.999));
    let now = 1_000_000;
    const { loader } = createLoader({ now: () => now });
    const stat = jest.spyOn(fs, 'stat');
    try {
      const page = [localEntity(), localEntity(), localEntity()];
      for (let i = 0; i < 3; i++) {
        await loader.loadMany(page, 8, { reuseRecentFileChecks: true });
      }
      expect(stat).toHaveBeenCalledTimes(1);
      now += 2000;
      await loader.loadMany(page, 8, { reuseRecentFileChecks: true });
      expect(stat).toHaveBeenCalledTimes(2);
      await loader.loadMany(page);
      expect(stat).toHaveBeenCalledTimes(3);
    } finally {
      stat.mockRestore();
    }
  });

  it('in a full run, sees a missing local file appear after the check interval', async () => {
    let now = 1_000_000;
    const { loader } = createLoader({ now: () => now });
    const fullRunLoad = async () =>
      (
        await loader.loadMany([localEntity()], 8, {
          reuseRecentFileChecks: true,
        })
      )[0];
    expect((await fullRunLoad()).status).toBe('unreachable');
    await fs.writeFile(path.join(dir, 'slos/checkout.yaml'), OPENSLO(0.99));
    expect((await fullRunLoad()).status).toBe('unreachable');
    now += 2000;
    const result = await fullRunLoad();
    expect(result.status).toBe('loaded');
    expect(result.slos[0].target).toBe(0.99);
  });

  it('serves an unchanged local file from the cache', async () => {
    const file = path.join(dir, 'slos/checkout.yaml');
    await fs.writeFile(file, OPENSLO(0.999));
    const { loader, cache } = createLoader({ cacheTtlSeconds: 30 });
    await loader.load(localEntity());
    expect(cache.entries.size).toBe(1);
    expect([...cache.ttls.values()]).toEqual([30_000]);
    const readFile = jest.spyOn(fs, 'readFile');
    try {
      await loader.load(localEntity());
      expect(readFile).not.toHaveBeenCalled();
    } finally {
      readFile.mockRestore();
    }
  });

  it('loads a file shared by many entities once per batch, in input order', async () => {
    await fs.writeFile(path.join(dir, 'slos/checkout.yaml'), OPENSLO(0.999));
    const { loader } = createLoader();
    const stat = jest.spyOn(fs, 'stat');
    try {
      const results = await loader.loadMany([
        localEntity(),
        entityWith({}),
        localEntity(),
        localEntity('./slos/missing.yaml'),
        localEntity(),
      ]);
      expect(results.map(r => r.status)).toEqual([
        'loaded',
        'absent',
        'loaded',
        'unreachable',
        'loaded',
      ]);
      expect(results[4].slos[0].target).toBe(0.999);
      // One stat for the shared file, one for the missing one.
      expect(stat).toHaveBeenCalledTimes(2);
    } finally {
      stat.mockRestore();
    }
  });

  it('reports a missing file as unreachable, naming it and the error', async () => {
    const { loader } = createLoader();
    const result = await loader.load(localEntity('./slos/missing.yaml'));
    expect(result.status).toBe('unreachable');
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'reliability/slo-ref',
        message: expect.stringMatching(
          /slos\/missing\.yaml does not exist \(ENOENT\)/,
        ),
      }),
    ]);
  });

  it('refuses a 10 MB file before reading it', async () => {
    const file = path.join(dir, 'slos/checkout.yaml');
    await fs.writeFile(file, `# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const { loader } = createLoader();
    const readFile = jest.spyOn(fs, 'readFile');
    try {
      const result = await loader.load(localEntity());
      expect(readFile).not.toHaveBeenCalled();
      expect(result.status).toBe('loaded');
      expect(result.slos).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining('more than the 1048576-byte limit'),
        }),
      ]);
    } finally {
      readFile.mockRestore();
    }
  });

  it('reads remote files with the UrlReader and revalidates them with their ETag', async () => {
    const { loader, urlReader } = createLoader({ cacheTtlSeconds: 0 });
    urlReader.readUrl.mockResolvedValueOnce({
      buffer: async () => Buffer.from(OPENSLO(0.99)),
      etag: 'v1',
    });
    const entity = entityWith({
      'reliability/slo-ref': 'url:https://git.example.com/slos/checkout.yaml',
    });
    const first = await loader.load(entity);
    expect(first.status).toBe('loaded');
    expect(first.slos[0].target).toBe(0.99);

    urlReader.readUrl.mockRejectedValueOnce(new NotModifiedError('same'));
    const second = await loader.load(entity);
    expect(second.slos[0].target).toBe(0.99);
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(
      'https://git.example.com/slos/checkout.yaml',
      expect.objectContaining({ etag: 'v1' }),
    );
  });

  it('serves a remote file from the cache within its TTL', async () => {
    const { loader, urlReader } = createLoader({ cacheTtlSeconds: 60 });
    urlReader.readUrl.mockResolvedValue({
      buffer: async () => Buffer.from(OPENSLO(0.99)),
    });
    const entity = entityWith({
      'reliability/slo-ref': 'url:https://git.example.com/slos/checkout.yaml',
    });
    await loader.load(entity);
    await loader.load(entity);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
  });

  it('reports a remote 404 as unreachable', async () => {
    const { loader, urlReader } = createLoader();
    urlReader.readUrl.mockRejectedValue(new NotFoundError('no such file'));
    const result = await loader.load(
      entityWith({
        'reliability/slo-ref': 'url:https://git.example.com/slos/gone.yaml',
      }),
    );
    expect(result.status).toBe('unreachable');
    expect(result.problems[0].message).toBe(
      'Could not read SLO file https://git.example.com/slos/gone.yaml: not found (404): no such file',
    );
  });

  it('reports a remote read that hangs as unreachable after the timeout', async () => {
    const { loader, urlReader } = createLoader({ readTimeoutMs: 50 });
    urlReader.readUrl.mockImplementation(() => new Promise(() => {}));
    const result = await loader.load(
      entityWith({
        'reliability/slo-ref': 'url:https://slow.example.com/slos.yaml',
      }),
    );
    expect(result.status).toBe('unreachable');
    expect(result.problems[0].message).toMatch(/timed out after 50 ms/);
  });

  it('reports an unresolvable reference as unreachable with the resolver problem', async () => {
    const { loader } = createLoader();
    const result = await loader.load(
      entityWith({ 'reliability/slo-ref': './slos/checkout.yaml' }),
    );
    expect(result.status).toBe('unreachable');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].severity).toBe('error');
  });
});
