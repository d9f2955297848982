import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import type {
  CacheService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { createMockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { SloFileReader, type SloFileReaderOptions } from './SloFileReader';

const sloth = (name: string) =>
  `version: prometheus/v1\nservice: svc\nslos:\n  - name: ${name}\n    objective: 99.9\n    sli:\n      raw:\n        error_ratio_query: x\n`;

function memoryCache(): CacheService {
  const entries = new Map<string, any>();
  return {
    get: async (key: string) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
    delete: async key => {
      entries.delete(key);
    },
    withOptions: () => memoryCache(),
  };
}

function urlReader(
  readUrl: UrlReaderService['readUrl'] = jest.fn(),
  search: UrlReaderService['search'] = jest.fn(),
): UrlReaderService {
  return { readUrl, readTree: jest.fn(), search };
}

function entity(ref: string, location?: string, origin?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: {
        'reliability/slo-ref': ref,
        ...(location && { 'backstage.io/managed-by-location': location }),
        ...(origin && { 'backstage.io/managed-by-origin-location': origin }),
      },
    },
    spec: {},
  };
}

describe('SloFileReader with local files', () => {
  const mockDir = createMockDirectory();
  const catalogFile = () => `file:${mockDir.resolve('repo/catalog-info.yaml')}`;
  const reader = (options: Partial<SloFileReaderOptions> = {}) =>
    new SloFileReader({
      urlReader: urlReader(),
      cache: memoryCache(),
      ...options,
    });
  const messages = (result: { problems: { message: string }[] }) =>
    result.problems.map(problem => problem.message);

  beforeEach(() => {
    mockDir.setContent({
      'app-config.yaml':
        'backend:\n  auth:\n    keys:\n      - secret: s3cret\n',
      'outside/secret.yaml': sloth('secret'),
      'repo/catalog-info.yaml': '',
      'repo/slos/a.yaml': sloth('a'),
      'repo/slos/b.yml': sloth('b'),
      'repo/slos/notes.txt': 'not yaml',
      'repo/slos/nested/c.yaml': sloth('c'),
      'repo/one.yaml': sloth('one'),
      'repo/big.yaml': `# ${'x'.repeat(500)}\n`,
    });
  });

  it('reads a file relative to the catalog file', async () => {
    const result = await reader().load(entity('./one.yaml', catalogFile()));
    expect(result).toMatchObject({
      status: 'loaded',
      location: `file:${mockDir.resolve('repo/one.yaml')}`,
      problems: [],
    });
    expect(result.slos.map(slo => slo.name)).toEqual(['one']);
  });

  it('reads a list and a folder: sorted, not recursive, only YAML', async () => {
    const flow = await reader().load(
      entity('[./one.yaml, ./slos/]', catalogFile()),
    );
    expect(flow.slos.map(slo => slo.name)).toEqual(['one', 'a', 'b']);
    const commas = await reader().load(
      entity('./slos/b.yml, ./one.yaml', catalogFile()),
    );
    expect(commas.slos.map(slo => slo.name)).toEqual(['b', 'one']);
  });

  it('reads at most maxFolderFiles of a folder and says so', async () => {
    const result = await reader({ maxFolderFiles: 1 }).load(
      entity('./slos/', catalogFile()),
    );
    expect(result.slos.map(slo => slo.name)).toEqual(['a']);
    expect(messages(result)).toEqual([
      expect.stringContaining('holds 2 SLO files; only the first 1'),
    ]);
  });

  it.each([
    ['../../../../../../../../etc/passwd'],
    ['../app-config.yaml'],
    ['../outside/secret.yaml'],
    ['../../../../../../../../proc/self/environ'],
    ['../../../../../../../../dev/zero'],
  ])('refuses %s, outside the catalog file tree', async ref => {
    const result = await reader().load(entity(ref, catalogFile()));
    expect(result.status).toBe('unreachable');
    expect(result.slos).toEqual([]);
    expect(messages(result)).toEqual([
      expect.stringMatching(
        /outside the directory of the entity's catalog file/,
      ),
    ]);
  });

  it('refuses an absolute path such as /proc/self/environ', async () => {
    const result = await reader().load(
      entity('/proc/self/environ', catalogFile()),
    );
    expect(result.status).toBe('unreachable');
    expect(messages(result)).toEqual([
      expect.stringContaining('an absolute path'),
    ]);
  });

  it('refuses a symlink that leads out of the tree, alone or in a folder', async () => {
    await fs.symlink(
      mockDir.resolve('outside/secret.yaml'),
      mockDir.resolve('repo/slos/link.yaml'),
    );
    const single = await reader().load(
      entity('./slos/link.yaml', catalogFile()),
    );
    expect(single.status).toBe('unreachable');
    expect(messages(single)).toEqual([
      expect.stringContaining('outside the directory'),
    ]);
    const folder = await reader().load(entity('./slos/', catalogFile()));
    expect(folder.slos.map(slo => slo.name)).toEqual(['a', 'b']);
    expect(messages(folder)).toEqual([
      expect.stringContaining('outside the directory'),
    ]);
  });

  it('refuses devices and FIFOs quickly even inside allowed directories', async () => {
    execFileSync('mkfifo', [mockDir.resolve('repo/slos/fifo.yaml')]);
    const started = Date.now();
    const fifo = await reader().load(entity('./slos/fifo.yaml', catalogFile()));
    const zero = await reader({ allowedDirectories: ['/dev'] }).load(
      entity('../../../../../../../../dev/zero', catalogFile()),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const result of [fifo, zero]) {
      expect(result.status).toBe('unreachable');
      expect(messages(result)).toEqual([
        expect.stringContaining('is not a regular file'),
      ]);
    }
  });

  it('reads allowed directories and the origin location tree', async () => {
    const sibling = entity('../outside/secret.yaml', catalogFile());
    const allowed = await reader({
      allowedDirectories: [mockDir.resolve('outside')],
    }).load(sibling);
    expect(allowed.slos.map(slo => slo.name)).toEqual(['secret']);
    const viaOrigin = await reader().load(
      entity(
        '../outside/secret.yaml',
        catalogFile(),
        `file:${mockDir.resolve('root.yaml')}`,
      ),
    );
    expect(viaOrigin.slos.map(slo => slo.name)).toEqual(['secret']);
  });

  it('reports a file over maxBytes without parsing it', async () => {
    const result = await reader({ maxBytes: 100 }).load(
      entity('./big.yaml', catalogFile()),
    );
    expect(result.status).toBe('loaded');
    expect(messages(result)).toEqual([
      expect.stringContaining('is larger than 100 bytes and was not parsed'),
    ]);
  });

  it('reports a missing file and sees an edited one at once', async () => {
    const missing = await reader().load(entity('./nope.yaml', catalogFile()));
    expect(missing.status).toBe('unreachable');
    expect(messages(missing)).toEqual([
      expect.stringContaining('does not exist'),
    ]);
    const shared = reader();
    const first = await shared.load(entity('./one.yaml', catalogFile()));
    await fs.writeFile(mockDir.resolve('repo/one.yaml'), sloth('edited'));
    await fs.utimes(
      mockDir.resolve('repo/one.yaml'),
      new Date(),
      new Date(Date.now() + 5000),
    );
    const second = await shared.load(entity('./one.yaml', catalogFile()));
    expect(first.slos[0].name).toBe('one');
    expect(second.slos[0].name).toBe('edited');
  });

  it('in a full run, checks a file again once the check interval has passed', async () => {
    let now = 0;
    const shared = reader({ now: () => now });
    const load = async () =>
      (
        await shared.loadMany([entity('./one.yaml', catalogFile())], 1, {
          reuseRecentFileChecks: true,
        })
      )[0].slos[0].name;
    expect(await load()).toBe('one');
    await fs.writeFile(mockDir.resolve('repo/one.yaml'), sloth('edited'));
    await fs.utimes(
      mockDir.resolve('repo/one.yaml'),
      new Date(),
      new Date(Date.now() + 5000),
    );
    now = 1_000;
    expect(await load()).toBe('one');
    now = 2_500;
    expect(await load()).toBe('edited');
  });

  it('loads many entities in input order', async () => {
    const results = await reader().loadMany(
      [
        entity('./one.yaml', catalogFile()),
        { ...entity('x'), metadata: { name: 'none' } },
        entity('./slos/a.yaml', catalogFile()),
      ],
      2,
      { reuseRecentFileChecks: true },
    );
    expect(results.map(r => r.status)).toEqual(['loaded', 'absent', 'loaded']);
    expect(results[2].slos[0].name).toBe('a');
  });
});

describe('SloFileReader with remote files', () => {
  const base =
    'url:https://git.example.com/org/repo/blob/main/catalog-info.yaml';

  it('refuses a relative URL that leaves the catalog file tree', async () => {
    const readUrl = jest.fn();
    const result = await new SloFileReader({
      urlReader: urlReader(readUrl),
      cache: memoryCache(),
    }).load(entity('../../../other/blob/main/slo.yaml', base));
    expect(readUrl).not.toHaveBeenCalled();
    expect(result.status).toBe('unreachable');
  });

  it('reports a remote read that never answers as unreachable after the timeout', async () => {
    const readUrl = jest.fn(() => new Promise<never>(() => {}));
    const result = await new SloFileReader({
      urlReader: urlReader(readUrl),
      cache: memoryCache(),
      readTimeoutMs: 50,
    }).load(entity('url:https://slo.example.com/hangs.yaml'));
    expect(result.status).toBe('unreachable');
    expect(result.problems.map(p => p.message)).toEqual([
      expect.stringContaining('no answer within 50 ms'),
    ]);
  });

  it('stops reading a body past maxBytes', async () => {
    const readUrl = jest.fn().mockResolvedValue({
      buffer: jest.fn(),
      stream: () =>
        Readable.from(
          (function* endless() {
            for (;;) yield Buffer.alloc(1024, 0x61);
          })(),
        ),
    });
    const result = await new SloFileReader({
      urlReader: urlReader(readUrl),
      cache: memoryCache(),
      maxBytes: 10_000,
    }).load(entity('./slos/a.yaml', base));
    expect(result.problems.map(p => p.message)).toEqual([
      expect.stringContaining('is larger than 10000 bytes'),
    ]);
  });

  it('revalidates by ETag after the TTL and warns only of non-404 failures', async () => {
    let now = 0;
    const notModified = Object.assign(new Error('same'), {
      name: 'NotModifiedError',
    });
    const readUrl = jest
      .fn()
      .mockResolvedValueOnce({
        buffer: async () => Buffer.from(sloth('remote')),
        etag: 'e1',
      })
      .mockRejectedValueOnce(notModified);
    const reader = new SloFileReader({
      urlReader: urlReader(readUrl),
      cache: memoryCache(),
      now: () => now,
    });
    const input = entity('url:https://slo.example.com/a.yaml');
    expect((await reader.load(input)).slos[0].name).toBe('remote');
    expect((await reader.load(input)).slos[0].name).toBe('remote');
    expect(readUrl).toHaveBeenCalledTimes(1);
    now = 61_000;
    expect((await reader.load(input)).slos[0].name).toBe('remote');
    expect(readUrl).toHaveBeenLastCalledWith('https://slo.example.com/a.yaml', {
      etag: 'e1',
      signal: expect.any(AbortSignal),
    });

    const failing = jest
      .fn()
      .mockRejectedValueOnce(
        Object.assign(new Error('404'), { name: 'NotFoundError' }),
      )
      .mockRejectedValueOnce(new Error('ECONNRESET'));
    const other = new SloFileReader({
      urlReader: urlReader(failing),
      cache: memoryCache(),
    });
    const missing = await other.load(input);
    const flaky = await other.load(
      entity('url:https://slo.example.com/b.yaml'),
    );
    expect([missing, flaky].map(r => r.problems[0].severity)).toEqual([
      'error',
      'warning',
    ]);
    expect([missing.status, flaky.status]).toEqual([
      'unreachable',
      'unreachable',
    ]);
  });

  it('reads a remote folder through the UrlReader search', async () => {
    const search = jest.fn().mockResolvedValue({
      etag: 'x',
      files: [
        { url: 'https://git.example.com/org/repo/blob/main/slos/b.yaml' },
        { url: 'https://git.example.com/org/repo/blob/main/slos/a.yml' },
        { url: 'https://git.example.com/org/repo/blob/main/slos/deep/c.yaml' },
      ],
    });
    const readUrl = jest.fn(async (url: string) => ({
      buffer: async () => Buffer.from(sloth(url.endsWith('a.yml') ? 'a' : 'b')),
    }));
    const result = await new SloFileReader({
      urlReader: urlReader(readUrl, search),
      cache: memoryCache(),
    }).load(entity('./slos/', base));
    expect(search).toHaveBeenCalledWith(
      'https://git.example.com/org/repo/blob/main/slos/*.y*ml',
    );
    expect(result.slos.map(slo => slo.name)).toEqual(['a', 'b']);
  });
});
