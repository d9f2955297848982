import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import { DatabaseNotificationOutboxStore } from '../../database/DatabaseNotificationOutboxStore';
import { ReadinessWatcher } from './ReadinessWatcher';

jest.setTimeout(120_000);

const ENTITY = {
  entityRef: 'component:default/checkout-api',
  title: 'Checkout API',
};

function report(
  slo: 'pass' | 'fail',
  gate: 'allow' | 'block' = 'allow',
): ReliabilityReport {
  return {
    entityRef: ENTITY.entityRef,
    inScope: true,
    readiness: {
      score: 80,
      verdict: 'ready',
      checks: [
        { id: 'owner', title: 'Owner', state: 'pass', required: true },
        { id: 'slo', title: 'SLO defined', state: slo, required: true },
      ],
    },
    gate: { decision: gate, reasons: [], enforced: true },
  } as unknown as ReliabilityReport;
}

describe('ReadinessWatcher', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setUp(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseNotificationOutboxStore.create({
      database: { getClient: async () => knex },
    });
    let clock = new Date('2026-12-01T10:00:00.000Z');
    const watcher = () =>
      new ReadinessWatcher({
        store,
        logger: mockServices.logger.mock(),
        now: () => clock,
      });
    const queued = async () =>
      (
        await store.claim({
          claimant: `peek-${Math.random()}`,
          now: new Date('2030-01-01T00:00:00.000Z'),
          leaseMs: 1,
          limit: 100,
        })
      ).map(c => c.intent);
    const tick = () => {
      clock = new Date(clock.getTime() + 60_000);
    };
    return { store, watcher, queued, tick, knex };
  }

  it.each(databases.eachSupportedId())(
    'notifies a regression once, and again only after a recovery, %p',
    async databaseId => {
      const { watcher, queued, tick, store } = await setUp(databaseId);
      const replica = watcher();
      const observe = async (r: ReliabilityReport) => {
        tick();
        replica.scored(ENTITY, r);
        await replica.flush();
      };

      await observe(report('pass')); // first sight: the baseline
      await observe(report('pass'));
      await expect(store.countByStatus()).resolves.toMatchObject({
        pending: 0,
      });

      await observe(report('fail', 'block'));
      await observe(report('fail', 'block')); // the next run: unchanged, no repeat
      await observe(report('pass'));
      await observe(report('fail'));

      const intents = await queued();
      expect(intents.map(i => i.payload.title)).toEqual([
        'Checkout API: release gate now blocks',
        'Checkout API: readiness regressed',
      ]);
      // One live notification per entity: both carry its scope.
      expect(new Set(intents.map(i => i.payload.scope))).toEqual(
        new Set(['reliability:readiness:component:default/checkout-api']),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'notifies once when two replicas see the same regression, %p',
    async databaseId => {
      const { watcher, queued, tick } = await setUp(databaseId);
      const first = watcher();
      first.scored(ENTITY, report('pass'));
      await first.flush();

      tick();
      const replicas = [watcher(), watcher(), watcher()];
      await Promise.all(
        replicas.map(async replica => {
          replica.scored(ENTITY, report('fail'));
          await replica.flush();
        }),
      );
      await expect(queued()).resolves.toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps nothing for entities outside the scope, %p',
    async databaseId => {
      const { watcher, knex } = await setUp(databaseId);
      const replica = watcher();
      replica.scored(ENTITY, { ...report('pass'), inScope: false });
      await replica.flush();
      await expect(knex('reliability_notification_state')).resolves.toEqual([]);
    },
  );

  it('logs and swallows a failing store: evaluation goes on', async () => {
    const logger = mockServices.logger.mock();
    const replica = new ReadinessWatcher({
      store: {
        readStates: async () => {
          throw new Error('database gone');
        },
      } as any,
      logger,
    });
    replica.scored(ENTITY, report('pass'));
    await expect(replica.flush()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Checking readiness regressions failed: Error: database gone',
    );
  });
});
