import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATION_ONCALL_ROTATION,
  type SloState,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseNotificationOutboxStore } from '../../database/DatabaseNotificationOutboxStore';
import type { SloStatusWrite } from '../../database/SloStatusStore';
import { OnCallService } from '../oncall/OnCallService';
import { PeopleDirectory } from '../oncall/PeopleDirectory';
import { readOnCallConfig } from '../oncall/readOnCallConfig';
import { SloStatusWatcher } from './SloStatusWatcher';

jest.setTimeout(120_000);

const CHECKOUT: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    title: 'Checkout API',
    annotations: { [ANNOTATION_ONCALL_ROTATION]: 'checkout-primary' },
  },
  spec: { owner: 'group:default/payments' },
};
const ADA: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'ada' },
  spec: { profile: { displayName: 'Ada Lovelace' } },
};

function write(state: SloState, sloName = 'availability'): SloStatusWrite {
  return {
    entityRef: 'component:default/checkout-api',
    sloName,
    appendHistory: true,
    status: { state } as SloStatusWrite['status'],
  };
}

function realOnCall() {
  const config = readOnCallConfig(
    mockServices.rootConfig({
      data: {
        reliability: {
          oncall: {
            rotations: [
              {
                name: 'checkout-primary',
                timeZone: 'UTC',
                start: '2026-01-05T09:00',
                shift: '1w',
                members: ['user:default/ada'],
              },
            ],
          },
        },
      },
    }),
  );
  return new OnCallService({
    rotations: config.rotations,
    vendors: config.vendors,
    cache: mockServices.cache.mock(),
    people: new PeopleDirectory({
      catalog: catalogServiceMock({ entities: [ADA] }),
      auth: mockServices.auth(),
    }),
    logger: mockServices.logger.mock(),
  });
}

describe('SloStatusWatcher', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setUp(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseNotificationOutboxStore.create({
      database: { getClient: async () => knex },
    });
    let clock = new Date('2026-12-01T10:00:00.000Z');
    const oncall = realOnCall();
    const watcher = (withOnCall = true) =>
      new SloStatusWatcher({
        store,
        oncall: withOnCall ? oncall : undefined,
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
    return { store, watcher, queued, tick };
  }

  it.each(databases.eachSupportedId())(
    'notifies owners and the person on call when an SLO turns critical, then exhausted, %p',
    async databaseId => {
      const { watcher, queued, tick } = await setUp(databaseId);
      const replica = watcher();
      const measure = async (state: SloState) => {
        tick();
        await replica.measured([CHECKOUT], [write(state)]);
      };

      await measure('ok');
      await measure('warning');
      await measure('critical');
      await measure('critical'); // unchanged: no repeat
      await measure('unavailable'); // Prometheus gone: the state is kept
      await measure('critical'); // back: still no repeat
      await measure('exhausted');
      await measure('critical'); // recovering a little is not notified
      await measure('ok');

      const intents = await queued();
      expect(intents.map(i => i.payload.title)).toEqual([
        'Checkout API: SLO availability is critical',
        'Checkout API: SLO availability is exhausted',
      ]);
      for (const intent of intents) {
        expect(intent.recipients).toEqual([
          'component:default/checkout-api',
          'user:default/ada',
        ]);
        expect(intent.payload.scope).toBe(
          'reliability:slo:component:default/checkout-api:availability',
        );
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'notifies the owners only without an on-call integration, %p',
    async databaseId => {
      const { watcher, queued } = await setUp(databaseId);
      await watcher(false).measured([CHECKOUT], [write('exhausted')]);
      const intents = await queued();
      expect(intents.map(i => i.recipients)).toEqual([
        ['component:default/checkout-api'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'notifies once when replicas measure the same change, %p',
    async databaseId => {
      const { watcher, queued, tick } = await setUp(databaseId);
      await watcher().measured([CHECKOUT], [write('ok')]);
      tick();
      await Promise.all(
        [watcher(), watcher(), watcher()].map(replica =>
          replica.measured([CHECKOUT], [write('critical')]),
        ),
      );
      await expect(queued()).resolves.toHaveLength(1);
    },
  );

  it('logs and swallows a failing store: measurement goes on', async () => {
    const logger = mockServices.logger.mock();
    const replica = new SloStatusWatcher({
      store: {
        readStates: async () => {
          throw new Error('database gone');
        },
      } as any,
      logger,
    });
    await expect(
      replica.measured([CHECKOUT], [write('critical')]),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Checking SLO status changes failed: Error: database gone',
    );
  });
});
