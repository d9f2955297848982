import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DatabaseNotificationOutboxStore } from '../../database/DatabaseNotificationOutboxStore';
import type { NotificationIntent } from '../../domain/notifications';
import {
  MAX_ATTEMPTS,
  NotificationDrainer,
  retryDelayMs,
} from './NotificationDrainer';

jest.setTimeout(120_000);

const NOW = new Date('2026-12-01T10:00:00.000Z');

function intent(key: string, excludeRefs: string[] = []): NotificationIntent {
  return {
    key,
    recipients: ['group:default/sre-core'],
    excludeRefs,
    payload: {
      title: key,
      link: '/reliability/inbox',
      topic: 'Waiting for approval',
      scope: `reliability:${key}`,
    },
  };
}

describe('retryDelayMs', () => {
  it('doubles from a minute up to two hours', () => {
    expect([1, 2, 3, 7, 8, 20].map(a => retryDelayMs(a) / 60_000)).toEqual([
      1, 2, 4, 64, 120, 120,
    ]);
  });
});

describe('NotificationDrainer', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    return DatabaseNotificationOutboxStore.create({
      database: { getClient: async () => knex },
    });
  }

  it.each(databases.eachSupportedId())(
    'sends each queued notification with its recipients and payload, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.enqueue(
        [intent('a', ['user:default/guest']), intent('b')],
        NOW,
      );
      const sent: NotificationSendOptions[] = [];
      const drainer = new NotificationDrainer({
        store,
        notifications: { send: async options => void sent.push(options) },
        logger: mockServices.logger.mock(),
        now: () => NOW,
      });
      await expect(drainer.drain()).resolves.toEqual({ sent: 2, failed: 0 });
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/sre-core'],
            excludeEntityRef: ['user:default/guest'],
          },
          payload: intent('a').payload,
        },
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/sre-core'],
            excludeEntityRef: undefined,
          },
          payload: intent('b').payload,
        },
      ]);
      await expect(drainer.drain()).resolves.toEqual({ sent: 0, failed: 0 });
    },
  );

  it.each(databases.eachSupportedId())(
    'sends every notification exactly once with two replicas draining at the same time, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const keys = Array.from({ length: 120 }, (_, i) => `n${i}`);
      await store.enqueue(
        keys.map(key => intent(key)),
        NOW,
      );
      const sent: string[] = [];
      const replica = () =>
        new NotificationDrainer({
          store,
          notifications: {
            send: async ({ payload }) => {
              // Sending takes a moment, as an HTTP call does, so the drains interleave.
              await new Promise(resolve => setImmediate(resolve));
              sent.push(payload.title);
            },
          },
          logger: mockServices.logger.mock(),
          now: () => NOW,
        });
      const results = await Promise.all([replica().drain(), replica().drain()]);
      expect(results[0].sent + results[1].sent).toBe(120);
      expect(sent.sort()).toEqual([...keys].sort());
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a notification whose send failed, retries it later, and gives up at last, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.enqueue([intent('a')], NOW);
      let clock = NOW;
      let failing = true;
      const sent: string[] = [];
      const logger = mockServices.logger.mock();
      const drainer = new NotificationDrainer({
        store,
        notifications: {
          send: async ({ payload }) => {
            if (failing) {
              throw new Error('notifications backend unavailable');
            }
            sent.push(payload.title);
          },
        },
        logger,
        now: () => clock,
      });
      await expect(drainer.drain()).resolves.toEqual({ sent: 0, failed: 1 });
      // Not before the back-off...
      clock = new Date(NOW.getTime() + 30_000);
      await expect(drainer.drain()).resolves.toEqual({ sent: 0, failed: 0 });
      // ...and then it goes out: lost neither to the failure nor to a restart.
      failing = false;
      clock = new Date(NOW.getTime() + 61_000);
      await expect(drainer.drain()).resolves.toEqual({ sent: 1, failed: 0 });
      expect(sent).toEqual(['a']);

      await store.enqueue([intent('b')], clock);
      failing = true;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await drainer.drain();
        clock = new Date(clock.getTime() + retryDelayMs(attempt) + 1);
      }
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 0,
        sent: 1,
        failed: 1,
      });
      expect(logger.warn).toHaveBeenLastCalledWith(
        `Sending notification b failed (attempt ${MAX_ATTEMPTS}, giving up): Error: notifications backend unavailable`,
      );
    },
  );
});
