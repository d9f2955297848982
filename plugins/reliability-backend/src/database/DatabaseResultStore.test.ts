import { TestDatabases } from '@backstage/backend-test-utils';
import {
  defaultPolicy,
  type CheckState,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseResultStore } from './DatabaseResultStore';
import { StoredReportCodec } from './storedReport';
import { TABLES } from '../services/types';
import {
  checkResult,
  descriptorFor,
  expectedResultHash,
  reportFor,
} from '../__testUtils__/reports';
import type { EntityResult } from './ResultStore';

jest.setTimeout(60_000);

function resultFor(name: string, evaluatedAt?: string): EntityResult {
  const entity = descriptorFor(name);
  return { entity, report: reportFor(entity.entityRef, { evaluatedAt }) };
}

describe('DatabaseResultStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseResultStore.create({
      database: { getClient: async () => knex },
      policy: defaultPolicy,
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'writes new results and their check states, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await expect(
        store.writeResults([resultFor('a'), resultFor('b')]),
      ).resolves.toEqual({ written: 2 });

      const stored = await store.getResult('Component:default/A');
      expect(stored?.report).toEqual(reportFor('component:default/a', {}));
      expect(stored?.evaluatedAt).toBe('2026-11-22T10:00:00.000Z');

      // Only checks that need attention are summarised; a passing one is not.
      await expect(
        knex(TABLES.checkSummaries).where('entity_ref', 'component:default/a'),
      ).resolves.toEqual([
        {
          entity_ref: 'component:default/a',
          failing: '["slo-defined"]',
          waived: '[]',
        },
      ]);
      await expect(store.getResult('component:default/zzz')).resolves.toBe(
        undefined,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a stored result over one evaluated before it, whichever is written last, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const entity = descriptorFor('a');
      const evaluated = (evaluatedAt: string, rollbackPlan: CheckState) => ({
        entity,
        report: reportFor(entity.entityRef, {
          evaluatedAt,
          checks: [
            checkResult('owner', 'pass'),
            checkResult('rollback-plan', rollbackPlan),
          ],
        }),
      });
      const summary = () =>
        knex(TABLES.checkSummaries)
          .where('entity_ref', 'component:default/a')
          .select('failing');

      // An attestation's re-evaluation at 10:05, then a full run's page that was scored
      // at 10:00, before the attestation, and written after it.
      await expect(
        store.writeResults([evaluated('2026-11-22T10:05:00.000Z', 'pass')]),
      ).resolves.toEqual({ written: 1 });
      await expect(
        store.writeResults([
          evaluated('2026-11-22T10:00:00.000Z', 'fail'),
          resultFor('b'),
        ]),
      ).resolves.toEqual({ written: 1 });
      await expect(store.getResult('component:default/a')).resolves.toEqual(
        expect.objectContaining({
          evaluatedAt: '2026-11-22T10:05:00.000Z',
          report: evaluated('2026-11-22T10:05:00.000Z', 'pass').report,
        }),
      );
      await expect(summary()).resolves.toEqual([]);

      // A later evaluation replaces it as always.
      await expect(
        store.writeResults([evaluated('2026-11-22T11:00:00.000Z', 'fail')]),
      ).resolves.toEqual({ written: 1 });
      await expect(summary()).resolves.toEqual([
        { failing: '["rollback-plan"]' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores the report as JSON ending with its evaluatedAt, and its hash, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const result = resultFor('a');
      await store.writeResults([result]);
      const { evaluatedAt, ...withoutTimestamp } = result.report;
      const expected = expectedResultHash(
        new StoredReportCodec(defaultPolicy).encodeBody(withoutTimestamp),
        result.entity,
      );
      const stored = await store.getReportJson('component:default/a');
      expect(stored!.reportJson).toBe(JSON.stringify(result.report));
      expect(
        stored!.reportJson.endsWith(`,"evaluatedAt":"${evaluatedAt}"}`),
      ).toBe(true);
      await expect(store.getResult('component:default/a')).resolves.toEqual(
        expect.objectContaining({ resultHash: expected }),
      );
      await expect(
        store.getResultVersion('component:default/a'),
      ).resolves.toEqual({ resultHash: expected, evaluatedAt });
    },
  );

  it.each(databases.eachSupportedId())(
    'does not rewrite an unchanged result, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.writeResults([resultFor('a', '2026-01-01T00:00:00.000Z')]);
      await expect(
        store.writeResults([resultFor('a', '2026-02-01T00:00:00.000Z')]),
      ).resolves.toEqual({ written: 0 });
      const row = await knex(TABLES.results).first();
      expect(row.evaluated_at).toBe('2026-01-01T00:00:00.000Z');
    },
  );

  it.each(databases.eachSupportedId())(
    'rewrites a changed result and replaces its check states, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.writeResults([resultFor('a', '2026-01-01T00:00:00.000Z')]);
      const entity = descriptorFor('a');
      const changed = reportFor(entity.entityRef, {
        evaluatedAt: '2026-02-01T00:00:00.000Z',
        checks: [
          checkResult('slo-defined', 'pass'),
          checkResult('oncall', 'waived'),
        ],
      });
      await expect(
        store.writeResults([{ entity, report: changed }]),
      ).resolves.toEqual({ written: 1 });
      const stored = await store.getResult(entity.entityRef);
      expect(stored?.evaluatedAt).toBe('2026-02-01T00:00:00.000Z');
      expect(stored?.report.readiness?.checks).toHaveLength(2);
      // The failing slo-defined of the first result is gone, not left behind.
      const summaries = await knex(TABLES.checkSummaries).select();
      expect(summaries.map(s => [s.failing, s.waived])).toEqual([
        ['[]', '["oncall"]'],
      ]);
      const row = await knex(TABLES.results).first();
      expect(Boolean(row.has_slo)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores concurrent writes of one new entity without conflicts, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const entity = descriptorFor('a');
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          store.writeResults([
            {
              entity,
              report: reportFor(entity.entityRef, {
                evaluatedAt: `2026-11-22T10:00:0${i}.000Z`,
                checks: [
                  checkResult('owner', 'fail'),
                  checkResult('slo-defined', i % 2 === 0 ? 'fail' : 'unknown'),
                ],
              }),
            },
          ]),
        ),
      );
      expect(outcomes.every(o => o.written <= 1)).toBe(true);
      // One summary, whichever write came last; never two.
      const summaries = await knex(TABLES.checkSummaries).select();
      expect(summaries).toHaveLength(1);
      expect(JSON.parse(summaries[0].failing)).toEqual([
        'owner',
        'slo-defined',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes results of entities a run did not see, keeping newer ones, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.writeResults([
        resultFor('kept', '2026-01-01T00:00:00.000Z'),
        resultFor('deleted', '2026-01-01T00:00:00.000Z'),
        resultFor('evaluated-during-run', '2026-03-01T00:00:10.000Z'),
      ]);
      const unseen = await store.listResultsNotIn(
        new Set(['component:default/kept']),
      );
      expect(unseen).toEqual([
        'component:default/deleted',
        'component:default/evaluated-during-run',
      ]);
      const deleted = await store.deleteResults(unseen, {
        evaluatedBefore: '2026-03-01T00:00:00.000Z',
      });
      expect(deleted).toBe(1);
      const refs = (await knex(TABLES.results).orderBy('entity_ref')).map(
        r => r.entity_ref,
      );
      expect(refs).toEqual([
        'component:default/evaluated-during-run',
        'component:default/kept',
      ]);
      const stateRefs = await knex(TABLES.checkSummaries).distinct(
        'entity_ref',
      );
      expect(stateRefs.map(r => r.entity_ref).sort()).toEqual(refs);
    },
  );

  it.each(databases.eachSupportedId())(
    'handles a 2,000-result batch and a 6,000-row cleanup in chunks, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const batch = Array.from({ length: 2000 }, (_, i) =>
        resultFor(`service-${String(i).padStart(5, '0')}`),
      );
      await expect(store.writeResults(batch)).resolves.toEqual({
        written: 2000,
      });
      await expect(store.writeResults(batch)).resolves.toEqual({ written: 0 });
      const more = Array.from({ length: 4000 }, (_, i) =>
        resultFor(`other-${String(i).padStart(5, '0')}`),
      );
      await store.writeResults(more);
      expect(
        Number((await knex(TABLES.checkSummaries).count({ n: '*' }))[0].n),
      ).toBe(6000);

      const seen = new Set(batch.slice(0, 10).map(r => r.entity.entityRef));
      const unseen = await store.listResultsNotIn(seen);
      expect(unseen).toHaveLength(5990);
      await expect(
        store.deleteResults(unseen, {
          evaluatedBefore: '2027-01-01T00:00:00.000Z',
        }),
      ).resolves.toBe(5990);
      expect(Number((await knex(TABLES.results).count({ n: '*' }))[0].n)).toBe(
        10,
      );
      expect(
        Number((await knex(TABLES.checkSummaries).count({ n: '*' }))[0].n),
      ).toBe(10);
    },
  );

  it.each(databases.eachSupportedId())(
    'records runs and returns the last finished one, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(store.getLastFinishedRun()).resolves.toBeUndefined();
      const first = await store.startRun('2026-01-01T00:00:00.000Z');
      await store.finishRun(first, {
        finishedAt: '2026-01-01T00:01:00.000Z',
        evaluated: 10,
        written: 4,
        deleted: 1,
      });
      const killed = await store.startRun('2026-01-01T00:10:00.000Z');
      const lastFinished = {
        id: first,
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:01:00.000Z',
        evaluated: 10,
        written: 4,
        deleted: 1,
        abandoned: false,
      };
      await expect(store.getLastFinishedRun()).resolves.toEqual(lastFinished);

      // The next start marks the run its process left unfinished, and only that one.
      await expect(
        store.abandonUnfinishedRuns('2026-01-01T00:20:00.000Z'),
      ).resolves.toEqual([killed]);
      await expect(
        store.abandonUnfinishedRuns('2026-01-01T00:21:00.000Z'),
      ).resolves.toEqual([]);
      await expect(store.getLastFinishedRun()).resolves.toEqual(lastFinished);
    },
  );
});
