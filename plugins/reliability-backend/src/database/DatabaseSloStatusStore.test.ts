import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  SloState,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseSloStatusStore } from './DatabaseSloStatusStore';

jest.setTimeout(120_000);

const ENTITY = 'Component:default/Checkout';

function status(
  state: SloState,
  measuredAt: string,
  figures: { sli: number | null; budget: number | null } = {
    sli: 0.9995,
    budget: 0.5,
  },
  since?: string,
): SloStatus {
  return {
    state,
    sli: figures.sli,
    errorBudgetRemaining: figures.budget,
    burnRates: { '1h': 0.5, '5m': null },
    alerts: [],
    reason: null,
    measuredAt,
    ...(since && { since }),
  };
}

describe('DatabaseSloStatusStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    return DatabaseSloStatusStore.create({
      database: { getClient: async () => knex },
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps the latest status per SLO, replacing an entity whole, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.writeEntities(
        [ENTITY, 'component:default/other'],
        [
          {
            entityRef: ENTITY,
            sloName: 'a',
            status: status(
              'ok',
              '2026-12-07T10:00:00.000Z',
              undefined,
              '2026-12-06T00:00:00.000Z',
            ),
            appendHistory: true,
          },
          {
            entityRef: ENTITY,
            sloName: 'b',
            status: status('no-data', '2026-12-07T10:00:00.000Z', {
              sli: null,
              budget: null,
            }),
            appendHistory: false,
          },
          {
            entityRef: 'component:default/other',
            sloName: 'a',
            status: status('exhausted', '2026-12-07T10:00:00.000Z'),
            appendHistory: false,
          },
        ],
      );
      const latest = await store.getLatest([
        'component:default/checkout',
        'component:default/missing',
      ]);
      expect([...latest.keys()]).toEqual(['component:default/checkout']);
      const checkout = latest.get('component:default/checkout')!;
      expect(checkout.get('a')).toEqual({
        status: status(
          'ok',
          '2026-12-07T10:00:00.000Z',
          undefined,
          '2026-12-06T00:00:00.000Z',
        ),
        historyAt: '2026-12-07T10:00:00.000Z',
      });
      expect(checkout.get('b')).toEqual({
        status: {
          ...status('no-data', '2026-12-07T10:00:00.000Z', {
            sli: null,
            budget: null,
          }),
          since: '2026-12-07T10:00:00.000Z',
        },
        historyAt: null,
      });
      expect(await store.countByState()).toEqual({
        ok: 1,
        'no-data': 1,
        exhausted: 1,
      });
      expect(await store.listBurning(10)).toEqual([
        {
          entityRef: 'component:default/other',
          slo: 'a',
          state: 'exhausted',
          errorBudgetRemaining: 0.5,
          since: '2026-12-07T10:00:00.000Z',
          measuredAt: '2026-12-07T10:00:00.000Z',
        },
      ]);

      // A second measurement without "b" (removed from the file) drops it, and keeps
      // when "a" last got a history point.
      await store.writeEntities(
        [ENTITY],
        [
          {
            entityRef: ENTITY,
            sloName: 'a',
            status: status('warning', '2026-12-07T10:05:00.000Z'),
            appendHistory: false,
          },
        ],
      );
      const again = (await store.getLatest([ENTITY])).get(
        'component:default/checkout',
      )!;
      expect([...again.keys()]).toEqual(['a']);
      expect(again.get('a')?.historyAt).toBe('2026-12-07T10:00:00.000Z');
      expect(again.get('a')?.status.state).toBe('warning');
      expect(await store.countByState()).toEqual({
        warning: 1,
        exhausted: 1,
      });
      // Exhausted first, then critical, then warning.
      expect(
        (await store.listBurning(10)).map(b => [b.entityRef, b.state]),
      ).toEqual([
        ['component:default/other', 'exhausted'],
        ['component:default/checkout', 'warning'],
      ]);
      expect(await store.listBurning(1)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'serves the history oldest first from a time and drops points past retention, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const times = [
        '2026-12-05T10:00:00.000Z',
        '2026-12-06T10:00:00.000Z',
        '2026-12-07T10:00:00.000Z',
      ];
      for (const [index, time] of times.entries()) {
        await store.writeEntities(
          [ENTITY],
          [
            {
              entityRef: ENTITY,
              sloName: 'a',
              status: status(index === 2 ? 'exhausted' : 'ok', time, {
                sli: 0.999 - index * 0.001,
                budget: 0.5 - index * 0.5,
              }),
              appendHistory: true,
            },
          ],
        );
      }
      expect(
        await store.getHistory(ENTITY, 'a', '2026-12-06T00:00:00.000Z'),
      ).toEqual([
        {
          measuredAt: times[1],
          state: 'ok',
          sli: 0.998,
          errorBudgetRemaining: 0,
        },
        {
          measuredAt: times[2],
          state: 'exhausted',
          sli: 0.997,
          errorBudgetRemaining: -0.5,
        },
      ]);
      expect(await store.getHistory(ENTITY, 'b', times[0])).toEqual([]);
      expect(await store.deleteHistoryBefore(times[2])).toBe(2);
      expect(await store.getHistory(ENTITY, 'a', times[0])).toHaveLength(1);
    },
  );
});
