import {
  mockServices,
  createMockDirectory,
} from '@backstage/backend-test-utils';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import type { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import type { JsonValue } from '@backstage/types';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { ReliabilityAnnotationsProcessor } from './ReliabilityAnnotationsProcessor';
import {
  SloFileReader,
  type SloFileReaderOptions,
} from '@reliability-suite/plugin-reliability-node';

const location = { type: 'file', target: '/catalog/catalog-info.yaml' };
const now = () => new Date('2026-11-22T10:00:00Z');

/** The catalog's per-entity cache: values set in one run are read in the next. */
class RunCache implements CatalogProcessorCache {
  private current: Record<string, JsonValue> = {};
  private next: Record<string, JsonValue> | undefined;
  sets = 0;
  async get<T extends JsonValue>(key: string): Promise<T | undefined> {
    return this.current[key] as T | undefined;
  }
  async set<T extends JsonValue>(key: string, value: T): Promise<void> {
    this.sets++;
    this.next = { ...this.next, [key]: value };
  }
  endRun() {
    this.current = this.next ?? this.current;
    this.next = undefined;
  }
}

function entity(
  annotations: Record<string, string>,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: {
        'backstage.io/managed-by-location': 'file:/catalog/catalog-info.yaml',
        ...annotations,
      },
      ...extra,
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

function setup(options: { sloFiles?: SloFileReader } = {}) {
  const logger = mockServices.logger.mock();
  const processor = new ReliabilityAnnotationsProcessor({
    tiers: defaultPolicy.tiers,
    logger,
    now,
    ...options,
  });
  const cache = new RunCache();
  const run = async (input: Entity) => {
    const output = await processor.postProcessEntity(
      input,
      location,
      jest.fn(),
      cache,
    );
    cache.endRun();
    return output as Entity & { status?: { items?: unknown[] } };
  };
  return { processor, logger, cache, run };
}

describe('ReliabilityAnnotationsProcessor', () => {
  it('is named for the catalog', () => {
    expect(setup().processor.getProcessorName()).toBe(
      'ReliabilityAnnotationsProcessor',
    );
  });

  it('leaves entities without reliability/ annotations alone', async () => {
    const { run, cache, logger } = setup();
    const input = entity({ 'pagerduty.com/service-id': '' });
    expect(await run(input)).toBe(input);
    expect(cache.sets).toBe(0);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('passes a valid entity through without status items', async () => {
    const { run, logger } = setup();
    const input = entity(
      {
        'reliability/tier': '1',
        'reliability/runbooks-reviewed': '2026-10-01',
        'pagerduty.com/service-id': 'PABC123',
      },
      { links: [{ url: 'https://wiki.example.com/rb', type: 'runbook' }] },
    );
    const output = await run(input);
    expect(output).toEqual(input);
    expect(output.status).toBeUndefined();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('keeps an entity with an invalid tier and attaches the problem as a processing error', async () => {
    const { run } = setup();
    const input = entity({ 'reliability/tier': 'gold' });
    const output = await run(input);
    expect(output.metadata).toEqual(input.metadata);
    expect(output.spec).toEqual(input.spec);
    expect(output.status).toEqual({
      items: [
        {
          type: 'backstage.io/catalog-processing',
          level: 'error',
          message: expect.stringMatching(
            /^ReliabilityAnnotationError: reliability\/tier is "gold", which is not a configured tier; allowed values: "0", "1", "2", "3"\. Set/,
          ),
          error: {
            name: 'ReliabilityAnnotationError',
            message: expect.stringContaining('reliability/tier is "gold"'),
          },
        },
      ],
    });
  });

  it('attaches warnings with level warning and errors with level error', async () => {
    const { run } = setup();
    const output = await run(
      entity({
        'reliability/tier': '7',
        'reliability/runbooks-reviewed': '2027-01-01',
        'opsgenie.com/team': ' ',
      }),
    );
    expect(
      output.status?.items?.map(item => {
        const { level, error } = item as {
          level: string;
          error: { message: string };
        };
        return [level, error.message.split(' ')[0]];
      }),
    ).toEqual([
      ['error', 'reliability/tier'],
      ['warning', 'opsgenie.com/team'],
      ['warning', 'reliability/runbooks-reviewed'],
    ]);
  });

  it('keeps status items that other processors set', async () => {
    const { run } = setup();
    const other = {
      type: 'example.com/other',
      level: 'info',
      message: 'hello',
    };
    const input = {
      ...entity({ 'reliability/tier': 'x' }),
      status: { items: [other] },
    };
    const output = await run(input);
    expect(output.status?.items).toEqual([
      other,
      expect.objectContaining({ level: 'error' }),
    ]);
  });

  it('logs problems when they change, not on every processing run', async () => {
    const { run, logger } = setup();
    await run(entity({ 'reliability/tier': 'gold' }));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'component:default/checkout: reliability/tier is "gold"',
      ),
      expect.objectContaining({ field: 'reliability/tier', severity: 'error' }),
    );
    await run(entity({ 'reliability/tier': 'gold' }));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await run(entity({ 'reliability/tier': 'silver' }));
    expect(logger.warn).toHaveBeenCalledTimes(2);
    await run(entity({ 'reliability/tier': '1' }));
    expect(logger.info).toHaveBeenCalledWith(
      'component:default/checkout: reliability annotations are valid again',
    );
  });

  it('never throws: a failing SLO check leaves the entity as it was', async () => {
    const failing = { load: jest.fn().mockRejectedValue(new Error('boom')) };
    const { run, logger } = setup({
      sloFiles: failing as unknown as SloFileReader,
    });
    const input = entity({ 'reliability/slo-ref': './slos.yaml' });
    expect(await run(input)).toBe(input);
    expect(logger.error).toHaveBeenCalledWith(
      'Reliability annotation validation failed for component:default/checkout',
      expect.any(Error),
    );
  });
});

describe('ReliabilityAnnotationsProcessor with SLO files', () => {
  const mockDir = createMockDirectory();
  const reader = (options: Omit<SloFileReaderOptions, 'cache'>) => {
    const entries = new Map<string, JsonValue>();
    const cache = mockServices.cache.mock({
      get: async key => entries.get(key) as any,
      set: async (key, value) => {
        entries.set(key, value);
      },
    });
    // A TTL of 0 asks the remote on every run, so the ETag revalidation shows.
    return new SloFileReader({ cacheTtlSeconds: 0, ...options, cache });
  };
  const urlReader = (readUrl: UrlReaderService['readUrl']) =>
    ({ readUrl, readTree: jest.fn(), search: jest.fn() } as UrlReaderService);

  function fileEntity(ref: string) {
    return entity({
      'reliability/tier': '1',
      'reliability/slo-ref': ref,
      'backstage.io/managed-by-location': `file:${mockDir.resolve(
        'catalog-info.yaml',
      )}`,
    });
  }

  function messages(output: { status?: { items?: unknown[] } }) {
    return (output.status?.items ?? []).map(
      item => (item as { message: string }).message,
    );
  }

  it('reports the problems of a local SLO file next to the catalog file', async () => {
    mockDir.setContent({
      'slos/checkout.yaml': `version: prometheus/v1
service: checkout
slos:
  - name: availability
    objective: 100
    sli:
      raw:
        error_ratio_query: x
`,
    });
    const { run } = setup({
      sloFiles: reader({ urlReader: urlReader(jest.fn()) }),
    });
    const output = await run(fileEntity('./slos/checkout.yaml'));
    expect(messages(output)).toEqual([
      expect.stringContaining(
        `${mockDir.resolve(
          'slos/checkout.yaml',
        )}:5 SLO "availability": slos[0].objective: 100 is outside (0,100)`,
      ),
    ]);
  });

  it('adds nothing for a valid SLO file', async () => {
    mockDir.setContent({
      'slos/ok.yaml':
        'version: prometheus/v1\nservice: a\nslos:\n  - name: x\n    objective: 99\n    sli:\n      raw:\n        error_ratio_query: x\n',
    });
    const { run } = setup({
      sloFiles: reader({ urlReader: urlReader(jest.fn()) }),
    });
    expect((await run(fileEntity('./slos/ok.yaml'))).status).toBeUndefined();
  });

  it('reports a missing local file and an unusable slo-ref', async () => {
    mockDir.setContent({});
    const { run } = setup({
      sloFiles: reader({ urlReader: urlReader(jest.fn()) }),
    });
    expect(messages(await run(fileEntity('./nope.yaml')))).toEqual([
      expect.stringContaining(
        `The SLO file file:${mockDir.resolve(
          'nope.yaml',
        )} (reliability/slo-ref) does not exist`,
      ),
    ]);
    expect(messages(await run(fileEntity('/abs/slos.yaml')))).toEqual([
      expect.stringContaining(
        'reliability/slo-ref is "/abs/slos.yaml", an absolute path',
      ),
    ]);
  });

  it('refuses /dev/zero and files outside the catalog file tree at once', async () => {
    mockDir.setContent({});
    const { run } = setup({
      sloFiles: reader({ urlReader: urlReader(jest.fn()) }),
    });
    const started = Date.now();
    for (const ref of [
      '../../../../../../../../dev/zero',
      '../../../../../../../../etc/passwd',
    ]) {
      expect(messages(await run(fileEntity(ref)))).toEqual([
        expect.stringContaining('outside the directory'),
      ]);
    }
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a local file over maxBytes without parsing it', async () => {
    mockDir.setContent({ 'big.yaml': `# ${'x'.repeat(200)}` });
    const { run } = setup({
      sloFiles: reader({
        urlReader: urlReader(jest.fn()),
        maxBytes: 100,
      }),
    });
    expect(messages(await run(fileEntity('./big.yaml')))).toEqual([
      expect.stringContaining('is larger than 100 bytes and was not parsed'),
    ]);
  });

  it('revalidates a remote file by ETag and reuses its problems while unchanged', async () => {
    const readUrl = jest
      .fn()
      .mockResolvedValueOnce({
        buffer: async () =>
          Buffer.from('version: prometheus/v1\nservice: a\nslos: []\n'),
        etag: 'etag-1',
      })
      .mockRejectedValueOnce(new NotModifiedError('unchanged'));
    const { run } = setup({
      sloFiles: reader({ urlReader: urlReader(readUrl) }),
    });
    const input = entity({
      'reliability/slo-ref': 'url:https://slo.example.com/a.yaml',
    });
    const first = await run(input);
    const second = await run(input);
    expect(readUrl).toHaveBeenNthCalledWith(
      1,
      'https://slo.example.com/a.yaml',
      { signal: expect.any(AbortSignal) },
    );
    expect(readUrl).toHaveBeenNthCalledWith(
      2,
      'https://slo.example.com/a.yaml',
      { etag: 'etag-1', signal: expect.any(AbortSignal) },
    );
    expect(messages(first)).toEqual([
      expect.stringContaining('slos: missing: the Sloth file defines no SLOs'),
    ]);
    expect(messages(second)).toEqual(messages(first));
  });

  it('reports a missing remote file as an error and a failing remote as a warning', async () => {
    const readUrl = jest
      .fn()
      .mockRejectedValueOnce(new NotFoundError('404'))
      .mockRejectedValueOnce(new Error('ECONNRESET'));
    const { run } = setup({
      sloFiles: reader({ urlReader: urlReader(readUrl) }),
    });
    const input = entity({
      'reliability/slo-ref': 'url:https://slo.example.com/a.yaml',
    });
    const levels = async () =>
      ((await run(input)).status?.items ?? []).map(
        item => (item as { level: string }).level,
      );
    expect(await levels()).toEqual(['error']);
    expect(await levels()).toEqual(['warning']);
  });
});
