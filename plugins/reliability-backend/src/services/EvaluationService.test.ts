import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  defaultPolicy,
  parsePolicyConfig,
  type SloLoadResult,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import { EvaluationService } from './EvaluationService';
import type { ReviewFactsReader } from './types';
import { createCatalogFixture } from '../__testUtils__/fixtures';
import {
  SloFileReader,
  type SloSource,
} from '@reliability-suite/plugin-reliability-node';
import { MemoryCache } from '../__testUtils__/MemoryCache';

jest.setTimeout(60_000);

const noFacts: ReviewFactsReader = { getFacts: async () => new Map() };
const absentSlos = {
  load: async (): Promise<SloLoadResult> => ({
    status: 'absent',
    slos: [],
    problems: [],
  }),
};

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('EvaluationService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(options: {
    entities: Entity[];
    store?: DatabaseResultStore;
    clock?: { now: Date };
    checkEvaluators?: any;
    policy?: any;
    sloSource?: SloSource;
    pageSize?: number;
  }) {
    const store =
      options.store ??
      (await DatabaseResultStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
        }),
        policy: options.policy ?? defaultPolicy,
      }));
    const catalog = catalogServiceMock({ entities: options.entities });
    const clock = options.clock ?? {
      now: new Date('2026-11-22T10:00:00.000Z'),
    };
    const service = new EvaluationService({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      policy: options.policy ?? defaultPolicy,
      sloSource: options.sloSource ?? absentSlos,
      resultStore: store,
      reviewFacts: noFacts,
      checkEvaluators: options.checkEvaluators,
      now: () => clock.now,
      pageSize: options.pageSize ?? 2,
    });
    return { store, catalog, service, clock };
  }

  it('pages through the catalog, stores every entity of the scoped kinds and records the run', async () => {
    const entities = [
      team,
      ...['a', 'b', 'c', 'd', 'e'].map(n => component(n)),
    ];
    const { service, catalog, store } = await setup({ entities });
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');

    const summary = await service.evaluateAll();

    expect(summary).toMatchObject({ evaluated: 5, written: 5, deleted: 0 });
    // 5 components in pages of 2: three pages; their one owner is looked up once a run.
    expect(queryEntities).toHaveBeenCalledTimes(3);
    expect(queryEntities.mock.calls[0][0]).toMatchObject({
      limit: 2,
      filter: { kind: ['Component'] },
    });
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    const stored = await store.getResult('component:default/c');
    expect(stored?.report).toMatchObject({
      entityRef: 'component:default/c',
      inScope: true,
      evaluatedAt: '2026-11-22T10:00:00.000Z',
    });
    await expect(store.getLastFinishedRun()).resolves.toMatchObject({
      evaluated: 5,
      written: 5,
    });
    // The next run looks the owner up again: a change in the catalog counts from then.
    await service.evaluateAll();
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
  });

  it("reads entity profiles at the service's clock", async () => {
    // In 2020 a review dated 2021 is in the future; by the real clock it is not.
    const { service, store } = await setup({
      entities: [
        team,
        component('reviewed', {
          'reliability/runbooks-reviewed': '2021-03-01',
        }),
      ],
      clock: { now: new Date('2020-06-01T10:00:00.000Z') },
    });
    await service.evaluateAll();
    const stored = await store.getResult('component:default/reviewed');
    expect(stored?.report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message:
          'reliability/runbooks-reviewed is 2021-03-01, a date in the future (today is 2020-06-01)',
      }),
    );
  });

  it('writes nothing on an unchanged re-run and removes entities that left the catalog', async () => {
    const entities = ['a', 'b', 'c'].map(n => component(n));
    const first = await setup({ entities });
    await first.service.evaluateAll();
    first.clock.now = new Date('2026-11-22T10:10:00.000Z');
    await expect(first.service.evaluateAll()).resolves.toMatchObject({
      evaluated: 3,
      written: 0,
      deleted: 0,
    });

    const second = await setup({
      entities: entities.slice(0, 2),
      store: first.store,
      clock: { now: new Date('2026-11-22T10:20:00.000Z') },
    });
    await expect(second.service.evaluateAll()).resolves.toMatchObject({
      evaluated: 2,
      written: 0,
      deleted: 1,
    });
    await expect(
      first.store.getResult('component:default/c'),
    ).resolves.toBeUndefined();
  });

  it('keeps evaluating entities the catalog has but its query does not list, and says so', async () => {
    // The catalog's search table (which the kind filter reads) misses one component; a
    // read by ref still finds it.
    const entities = [team, ...['a', 'b', 'c'].map(n => component(n))];
    const { service, catalog, store, clock } = await setup({ entities });
    await service.evaluateAll();

    const queryEntities = catalog.queryEntities.bind(catalog);
    jest.spyOn(catalog, 'queryEntities').mockImplementation(async (...args) => {
      const page = await queryEntities(...args);
      return {
        ...page,
        items: page.items.filter(entity => entity.metadata.name !== 'b'),
      };
    });
    const logger = mockServices.logger.mock();
    const unlisting = new EvaluationService({
      catalog,
      auth: mockServices.auth(),
      logger,
      policy: defaultPolicy,
      sloSource: absentSlos,
      resultStore: store,
      reviewFacts: noFacts,
      now: () => clock.now,
      pageSize: 2,
    });
    clock.now = new Date('2026-11-22T11:00:00.000Z');
    await expect(unlisting.evaluateAll()).resolves.toMatchObject({
      evaluated: 3,
      deleted: 0,
    });
    await expect(store.getResult('component:default/b')).resolves.toBeDefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'did not list 1 entities that the catalog has (its search table misses them); evaluated them by ref: component:default/b',
      ),
    );

    // An entity that did leave the catalog is still removed.
    const { service: afterDeletion } = await setup({
      entities: [team, component('a'), component('c')],
      store,
      clock: { now: new Date('2026-11-22T12:00:00.000Z') },
    });
    await expect(afterDeletion.evaluateAll()).resolves.toMatchObject({
      evaluated: 2,
      deleted: 1,
    });
  });

  it('fails the run, leaving it unfinished, when a write fails', async () => {
    const entities = ['a', 'b', 'c', 'd', 'e'].map(n => component(n));
    const { service, store } = await setup({ entities });
    const writeResults = store.writeResults.bind(store);
    let pages = 0;
    const pageWrites = jest
      .spyOn(store, 'writeResults')
      .mockImplementation(async results => {
        pages++;
        if (pages === 2) {
          throw new Error('disk full');
        }
        return writeResults(results);
      });
    const deleteResults = jest.spyOn(store, 'deleteResults');
    await expect(service.evaluateAll()).rejects.toThrow('disk full');
    expect(pageWrites.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(deleteResults).not.toHaveBeenCalled();
    await expect(store.getLastFinishedRun()).resolves.toBeUndefined();
  });

  it('lets a full run, and only a full run, reuse recent SLO file checks', async () => {
    const loadMany = jest.fn(
      async (...args: Parameters<NonNullable<SloSource['loadMany']>>) =>
        args[0].map(() => ({
          status: 'absent' as const,
          slos: [],
          problems: [],
        })),
    );
    const { service, store } = await setup({
      entities: [team, component('a'), component('b'), component('c')],
      sloSource: { ...absentSlos, loadMany },
    });
    const writeResults = jest.spyOn(store, 'writeResults');

    await service.evaluateAll();
    expect(writeResults).toHaveBeenCalledTimes(2);
    for (const call of loadMany.mock.calls) {
      expect(call[2]).toEqual({ reuseRecentFileChecks: true });
    }

    writeResults.mockClear();
    loadMany.mockClear();
    await service.evaluateEntity('component:default/a');
    expect(writeResults).toHaveBeenCalledTimes(1);
    expect(loadMany).toHaveBeenCalledWith(expect.any(Array), 8, {
      reuseRecentFileChecks: false,
    });
  });

  it('evaluates one entity on demand and returns undefined when it is not in the catalog', async () => {
    const { service, store } = await setup({
      entities: [team, component('a')],
    });
    const report = await service.evaluateEntity('component:default/a');
    expect(report?.readiness?.checks.find(c => c.id === 'owner')?.state).toBe(
      'pass',
    );
    await expect(store.getResult('component:default/a')).resolves.toBeDefined();
    await expect(
      service.evaluateEntity('component:default/missing'),
    ).resolves.toBeUndefined();
  });

  it('lets registered evaluators decide custom automatic checks', async () => {
    const policy = parsePolicyConfig({
      checks: [
        {
          id: 'feature-flags',
          title: 'Feature flags',
          area: 'Operations',
          kind: 'automatic',
          rationale: 'Risky changes ship dark.',
          howToFix: 'Register the service with the flag service.',
        },
      ],
    });
    const { service } = await setup({
      entities: [component('a', { 'flags.example.com/project': 'a' })],
      policy,
      checkEvaluators: new Map([
        [
          'feature-flags',
          {
            id: 'feature-flags',
            evaluate: (entity: Entity) => ({
              state: entity.metadata.annotations?.['flags.example.com/project']
                ? 'pass'
                : 'fail',
              message: 'Flag project found',
            }),
          },
        ],
      ]),
    });
    const report = await service.evaluateEntity('component:default/a');
    expect(
      report?.readiness?.checks.find(c => c.id === 'feature-flags'),
    ).toMatchObject({ state: 'pass', message: 'Flag project found' });
  });

  it('loads SLO files through the real loader during a full run', async () => {
    const fixture = await createCatalogFixture();
    try {
      const store = await DatabaseResultStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
        }),
        policy: defaultPolicy,
      });
      const service = new EvaluationService({
        catalog: catalogServiceMock({ entities: fixture.entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        policy: defaultPolicy,
        sloSource: new SloFileReader({
          urlReader: mockServices.urlReader.mock(),
          cache: new MemoryCache(),
        }),
        resultStore: store,
        reviewFacts: noFacts,
      });
      await service.evaluateAll();
      const checkout = await store.getResult('component:default/checkout');
      expect(checkout?.report.slos.map(s => s.name)).toEqual([
        'checkout-availability',
      ]);
      expect(checkout?.report.readiness?.checks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'slo-alerting', state: 'pass' }),
        ]),
      );
    } finally {
      await fixture.cleanup();
    }
  });
});
