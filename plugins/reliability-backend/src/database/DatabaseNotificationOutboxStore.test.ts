import { TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationIntent } from '../domain/notifications';
import { DatabaseNotificationOutboxStore } from './DatabaseNotificationOutboxStore';

jest.setTimeout(120_000);

const NOW = new Date('2026-12-01T12:00:00.000Z');
const LATER = (ms: number) => new Date(NOW.getTime() + ms);

function intent(key: string): NotificationIntent {
  return {
    key,
    recipients: ['component:default/checkout-api'],
    excludeRefs: ['user:default/owner'],
    payload: {
      title: `Title ${key}`,
      description: 'What to do',
      link: '/reliability/inbox',
      severity: 'normal',
      topic: 'Waiting for approval',
      scope: `reliability:${key}`,
    },
  };
}

describe('DatabaseNotificationOutboxStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseNotificationOutboxStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'keeps one row per delivery key and gives the intent back as written, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(
        store.enqueue([intent('a'), intent('b'), intent('a')], NOW),
      ).resolves.toBe(2);
      await expect(
        store.enqueue([intent('b'), intent('c')], NOW),
      ).resolves.toBe(1);
      await expect(store.enqueue([], NOW)).resolves.toBe(0);

      const claimed = await store.claim({
        claimant: 'drain-1',
        now: NOW,
        leaseMs: 60_000,
        limit: 10,
      });
      expect(claimed.map(c => c.intent)).toEqual([
        intent('a'),
        intent('b'),
        intent('c'),
      ]);
      expect(claimed.map(c => c.attempts)).toEqual([1, 1, 1]);
    },
  );

  it.each(databases.eachSupportedId())(
    'hides a claimed row until its lease ends, and a sent one for good, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.enqueue([intent('a'), intent('b')], NOW);
      const first = await store.claim({
        claimant: 'drain-1',
        now: NOW,
        leaseMs: 60_000,
        limit: 1,
      });
      expect(first.map(c => c.intent.key)).toEqual(['a']);
      await store.markSent(first[0].id, 'drain-1', NOW);

      const second = await store.claim({
        claimant: 'drain-2',
        now: LATER(1000),
        leaseMs: 60_000,
        limit: 10,
      });
      expect(second.map(c => c.intent.key)).toEqual(['b']);
      // drain-2 died before sending: nobody else takes "b" during its lease...
      await expect(
        store.claim({
          claimant: 'drain-3',
          now: LATER(30_000),
          leaseMs: 60_000,
          limit: 10,
        }),
      ).resolves.toEqual([]);
      // ...and the next drain does afterwards; nothing is lost.
      const third = await store.claim({
        claimant: 'drain-3',
        now: LATER(62_000),
        leaseMs: 60_000,
        limit: 10,
      });
      expect(third.map(c => [c.intent.key, c.attempts])).toEqual([['b', 2]]);
      // The drain that lost its lease can no longer mark it.
      await store.markSent(third[0].id, 'drain-2', LATER(63_000));
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 1,
        sent: 1,
        failed: 0,
      });
      await store.markSent(third[0].id, 'drain-3', LATER(63_000));
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 0,
        sent: 2,
        failed: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'retries a failed send after its retry time, and gives up when told, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.enqueue([intent('a')], NOW);
      const [claimed] = await store.claim({
        claimant: 'd1',
        now: NOW,
        leaseMs: 60_000,
        limit: 10,
      });
      await store.markFailed(claimed.id, 'd1', {
        error: 'notifications backend unavailable',
        retryAt: LATER(5 * 60_000),
        giveUp: false,
      });
      await expect(
        store.claim({
          claimant: 'd2',
          now: LATER(4 * 60_000),
          leaseMs: 1,
          limit: 10,
        }),
      ).resolves.toEqual([]);
      const [again] = await store.claim({
        claimant: 'd2',
        now: LATER(6 * 60_000),
        leaseMs: 60_000,
        limit: 10,
      });
      expect(again.attempts).toBe(2);
      await store.markFailed(again.id, 'd2', {
        error: 'still down',
        retryAt: LATER(10 * 60_000),
        giveUp: true,
      });
      await expect(
        store.claim({
          claimant: 'd3',
          now: LATER(60 * 60_000),
          leaseMs: 1,
          limit: 10,
        }),
      ).resolves.toEqual([]);
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 0,
        sent: 0,
        failed: 1,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'never gives one row to two drains racing for it, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const keys = Array.from({ length: 60 }, (_, i) => `k${i}`);
      await store.enqueue(keys.map(intent), NOW);

      const claimedBy = new Map<string, string>();
      const drain = async (claimant: string) => {
        for (;;) {
          const batch = await store.claim({
            claimant,
            now: NOW,
            leaseMs: 60_000,
            limit: 7,
          });
          if (batch.length === 0) {
            return;
          }
          for (const claimed of batch) {
            expect(claimedBy.get(claimed.intent.key)).toBeUndefined();
            claimedBy.set(claimed.intent.key, claimant);
            await store.markSent(claimed.id, claimant, NOW);
          }
        }
      };
      await Promise.all([
        drain('replica-1'),
        drain('replica-2'),
        drain('replica-3'),
      ]);

      expect([...claimedBy.keys()].sort()).toEqual([...keys].sort());
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 0,
        sent: 60,
        failed: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'applies a state transition once, with its notifications, and drops a stale one, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      // Two replicas saw no state and decide the first one: one wins.
      await expect(
        store.applyTransitions(
          [{ stateKey: 's', expected: null, next: '"v1"', intents: [] }],
          NOW,
        ),
      ).resolves.toBe(1);
      await expect(
        store.applyTransitions(
          [{ stateKey: 's', expected: null, next: '"v1"', intents: [] }],
          NOW,
        ),
      ).resolves.toBe(0);
      await expect(store.readStates(['s', 'missing'])).resolves.toEqual(
        new Map([['s', '"v1"']]),
      );

      // Both saw v1 and decide v2 with a notification: it is written once.
      const transition = {
        stateKey: 's',
        expected: '"v1"',
        next: '"v2"',
        intents: [intent('regressed-at-1')],
      };
      const results = await Promise.all([
        store.applyTransitions([transition], NOW),
        store.applyTransitions(
          [{ ...transition, intents: [intent('regressed-at-2')] }],
          NOW,
        ),
      ]);
      expect(results.sort()).toEqual([0, 1]);
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 1,
        sent: 0,
        failed: 0,
      });
      await expect(store.readStates(['s'])).resolves.toEqual(
        new Map([['s', '"v2"']]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'records a full run of first sights in batches, skipping keys another replica stored, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.applyTransitions(
        [{ stateKey: 'e-5', expected: null, next: '"theirs"', intents: [] }],
        NOW,
      );
      const transitions = Array.from({ length: 700 }, (_, i) => ({
        stateKey: `e-${i}`,
        expected: null,
        next: '"mine"',
        intents: i === 5 ? [intent('for-e-5')] : [],
      }));
      await expect(store.applyTransitions(transitions, NOW)).resolves.toBe(699);
      const states = await store.readStates(transitions.map(t => t.stateKey));
      expect(states.size).toBe(700);
      expect(states.get('e-5')).toBe('"theirs"');
      expect(states.get('e-699')).toBe('"mine"');
      // The transition that lost keeps its notification out.
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 0,
        sent: 0,
        failed: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes only delivered rows older than the cut-off, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.enqueue([intent('old-sent'), intent('old-pending')], NOW);
      await store.enqueue([intent('new-sent')], LATER(10 * 86_400_000));
      const claimed = await store.claim({
        claimant: 'd',
        now: LATER(10 * 86_400_000),
        leaseMs: 1000,
        limit: 10,
      });
      for (const row of claimed.filter(c => c.intent.key.endsWith('sent'))) {
        await store.markSent(row.id, 'd', LATER(10 * 86_400_000));
      }
      await expect(store.prune(LATER(86_400_000))).resolves.toBe(1);
      await expect(store.countByStatus()).resolves.toEqual({
        pending: 1,
        sent: 1,
        failed: 0,
      });
    },
  );
});
