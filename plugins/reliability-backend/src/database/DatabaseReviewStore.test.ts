import { TestDatabases } from '@backstage/backend-test-utils';
import { TABLES } from '../services/types';
import { DatabaseReviewStore } from './DatabaseReviewStore';
import type { ReviewWriteContext } from './ReviewStore';

jest.setTimeout(120_000);

const ENTITY = 'component:default/checkout-api';
const OTHER = 'component:default/payments-api';

function ctx(
  actor = 'user:default/guest',
  at = '2026-11-22T10:00:00.000Z',
  entityRef = ENTITY,
): ReviewWriteContext {
  return { entityRef, actor, at };
}

function attestInput(expectedVersion: number, comment = 'Exercised') {
  return {
    checkId: 'rollback-plan',
    evidenceUrl: 'https://wiki.example.com/rollback',
    comment,
    expiresAt: '2027-11-22T10:00:00.000Z',
    expectedVersion,
  };
}

const snapshot = {
  score: 80,
  verdict: 'not-ready' as const,
  evaluatedAt: '2026-11-22T09:00:00.000Z',
  checks: [{ id: 'owner', state: 'pass' as const, required: true }],
};

describe('DatabaseReviewStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseReviewStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'attests, re-attests and revokes, keeping every version, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);

      const first = await store.createAttestation(ctx(), attestInput(0));
      expect(first).toMatchObject({
        entityRef: ENTITY,
        checkId: 'rollback-plan',
        attestedBy: 'user:default/guest',
        attestedAt: '2026-11-22T10:00:00.000Z',
        expiresAt: '2027-11-22T10:00:00.000Z',
        revokedAt: null,
        version: 1,
      });
      const second = await store.createAttestation(
        ctx('user:default/alice', '2026-11-23T10:00:00.000Z'),
        attestInput(1, 'Exercised again'),
      );
      expect(second.version).toBe(2);

      let data = await store.getEntityReviewData(ENTITY);
      expect(data.attestations.get('rollback-plan')).toEqual({
        current: second,
        version: 2,
      });
      const current = await store.getFacts([ENTITY.toUpperCase(), OTHER]);
      expect(current.get(ENTITY)).toEqual({
        attestations: [second],
        waivers: [],
      });
      expect(current.has(OTHER)).toBe(false);

      const revoked = await store.revokeAttestation(
        ctx('user:default/alice', '2026-11-24T10:00:00.000Z'),
        {
          checkId: 'rollback-plan',
          comment: 'Plan is outdated',
          expectedVersion: 2,
        },
      );
      expect(revoked).toMatchObject({
        version: 3,
        revokedBy: 'user:default/alice',
        revokedAt: '2026-11-24T10:00:00.000Z',
        evidenceUrl: second.evidenceUrl,
      });

      data = await store.getEntityReviewData(ENTITY);
      expect(data.attestations.get('rollback-plan')).toEqual({
        current: null,
        version: 3,
      });
      const versions = await store.listAttestationVersions(
        ENTITY,
        'rollback-plan',
      );
      expect(versions.map(v => [v.version, v.comment, v.revokedAt])).toEqual([
        [3, 'Exercised again', '2026-11-24T10:00:00.000Z'],
        [2, 'Exercised again', null],
        [1, 'Exercised', null],
      ]);

      const afterRevoke = await store.getFacts([ENTITY]);
      expect(afterRevoke.get(ENTITY)?.attestations ?? []).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses stale attestation writes and changes nothing, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.createAttestation(ctx(), attestInput(0));

      await expect(
        store.createAttestation(ctx(), attestInput(0)),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(
          'expectedVersion 0 is stale, the current version is 1',
        ),
      });
      await expect(
        store.revokeAttestation(ctx(), {
          checkId: 'rollback-plan',
          comment: null,
          expectedVersion: 5,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.revokeAttestation(ctx(), {
          checkId: 'load-test',
          comment: null,
          expectedVersion: 0,
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      const [{ n }] = await knex(TABLES.attestations).count({ n: '*' });
      expect(Number(n)).toBe(1);
      const [{ h }] = await knex(TABLES.history).count({ h: '*' });
      expect(Number(h)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of 50 concurrent writers on the same version win, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          store.createAttestation(
            ctx(`user:default/writer-${i}`),
            attestInput(0, `writer ${i}`),
          ),
        ),
      );
      const won = results.filter(r => r.status === 'fulfilled');
      const lost = results.filter(r => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const failure of lost) {
        expect((failure as PromiseRejectedResult).reason.name).toBe(
          'ConflictError',
        );
      }
      const rows = await knex(TABLES.attestations).where({
        entity_ref: ENTITY,
      });
      expect(rows).toHaveLength(1);
      const history = await knex(TABLES.history).where({ entity_ref: ENTITY });
      expect(history).toHaveLength(1);
      expect(history[0].actor).toBe(rows[0].attested_by);
    },
  );

  it.each(databases.eachSupportedId())(
    'loses and duplicates nothing when 50 concurrent writers retry on conflict, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);

      async function writeUntilAccepted(writer: number) {
        for (;;) {
          const data = await store.getEntityReviewData(ENTITY);
          const version = data.attestations.get('rollback-plan')?.version ?? 0;
          try {
            return await store.createAttestation(
              ctx(`user:default/writer-${writer}`),
              attestInput(version, `writer ${writer}`),
            );
          } catch (error) {
            if ((error as Error).name !== 'ConflictError') {
              throw error;
            }
          }
        }
      }

      const written = await Promise.all(
        Array.from({ length: 50 }, (_, i) => writeUntilAccepted(i)),
      );
      expect(new Set(written.map(a => a.version)).size).toBe(50);
      const rows = await knex(TABLES.attestations)
        .where({ entity_ref: ENTITY })
        .orderBy('version');
      expect(rows.map(r => Number(r.version))).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(new Set(rows.map(r => r.comment)).size).toBe(50);
      const history = await knex(TABLES.history).where({ entity_ref: ENTITY });
      expect(history).toHaveLength(50);
      expect(new Set(history.map(h => h.subject_id))).toEqual(
        new Set(rows.map(r => r.id)),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'requests and decides waivers with versions, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const requested = await store.createWaiver(ctx(), {
        checkId: 'load-test',
        justification: 'Load test environment is being rebuilt',
        expiresAt: '2027-02-01T00:00:00.000Z',
        expectedVersion: 0,
      });
      expect(requested).toMatchObject({
        status: 'requested',
        requestedBy: 'user:default/guest',
        version: 1,
      });

      await expect(
        store.createWaiver(ctx(), {
          checkId: 'load-test',
          justification: 'again',
          expiresAt: '2027-02-01T00:00:00.000Z',
          expectedVersion: 1,
        }),
      ).rejects.toThrow('A waiver for load-test is already awaiting approval');
      await expect(
        store.createWaiver(ctx(), {
          checkId: 'load-test',
          justification: 'again',
          expiresAt: '2027-02-01T00:00:00.000Z',
          expectedVersion: 0,
        }),
      ).rejects.toThrow(/expectedVersion 0 is stale/);

      const approve = {
        waiverId: requested.id,
        status: 'approved' as const,
        comment: 'OK until the rebuild',
        expectedVersion: 1,
      };
      const approved = await store.decideWaiver(
        ctx('user:default/sre-lead', '2026-11-23T10:00:00.000Z'),
        approve,
      );
      expect(approved).toMatchObject({
        status: 'approved',
        decidedBy: 'user:default/sre-lead',
        decidedAt: '2026-11-23T10:00:00.000Z',
        decisionComment: 'OK until the rebuild',
        version: 2,
      });
      await expect(
        store.decideWaiver(ctx('user:default/sre-lead'), approve),
      ).rejects.toThrow(/expectedVersion 1 is stale, the current version is 2/);
      await expect(
        store.decideWaiver(ctx('user:default/sre-lead'), {
          ...approve,
          status: 'rejected',
          expectedVersion: 2,
        }),
      ).rejects.toThrow(`Waiver ${requested.id} was already approved`);
      await expect(
        store.decideWaiver(
          ctx('user:default/sre-lead', undefined, OTHER),
          approve,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      await expect(store.getWaiver(ENTITY, requested.id)).resolves.toEqual(
        approved,
      );
      const data = await store.getEntityReviewData(ENTITY);
      expect(data.waiverSequences.get('load-test')).toBe(1);
      expect(data.waivers).toEqual([approved]);
      const facts = await store.getFacts([ENTITY]);
      expect(facts.get(ENTITY)?.waivers).toEqual([approved]);

      const renewal = await store.createWaiver(ctx(), {
        checkId: 'load-test',
        justification: 'Still rebuilding',
        expiresAt: '2027-03-01T00:00:00.000Z',
        expectedVersion: 1,
      });
      expect(renewal.version).toBe(1);
      expect(
        (await store.getEntityReviewData(ENTITY)).waiverSequences.get(
          'load-test',
        ),
      ).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'approves a waiver once when 50 approvers race, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const waiver = await store.createWaiver(ctx(), {
        checkId: 'dr-test',
        justification: 'Restore drill scheduled',
        expiresAt: '2027-02-01T00:00:00.000Z',
        expectedVersion: 0,
      });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          store.decideWaiver(ctx(`user:default/approver-${i}`), {
            waiverId: waiver.id,
            status: i % 2 ? 'approved' : 'rejected',
            comment: `decision ${i}`,
            expectedVersion: 1,
          }),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const history = await knex(TABLES.history).where({
        subject_id: waiver.id,
      });
      expect(history.map(h => h.action).sort()).toEqual([
        expect.stringMatching(/^waiver-(approved|rejected)$/),
        'waiver-requested',
      ]);
      expect((await store.getWaiver(ENTITY, waiver.id))?.version).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'requests, signs off and rejects reviews with a snapshot, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const requested = await store.createReview(ctx(), {
        comment: 'Launch review',
      });
      expect(requested).toMatchObject({
        status: 'requested',
        requestComment: 'Launch review',
        snapshot: null,
        version: 1,
      });
      await expect(
        store.createReview(ctx(), { comment: null }),
      ).rejects.toThrow(
        'A review of component:default/checkout-api is already awaiting sign-off',
      );

      const signed = await store.decideReview(
        ctx('user:default/sre-lead', '2026-11-23T10:00:00.000Z'),
        {
          reviewId: requested.id,
          status: 'signed-off',
          comment: 'Ready for launch',
          snapshot,
          expectedVersion: 1,
        },
      );
      expect(signed).toMatchObject({
        status: 'signed-off',
        decidedBy: 'user:default/sre-lead',
        snapshot,
        version: 2,
      });
      await expect(
        store.decideReview(ctx('user:default/sre-lead'), {
          reviewId: requested.id,
          status: 'rejected',
          comment: 'no',
          snapshot,
          expectedVersion: 1,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      await expect(
        store.createReview(ctx(), { comment: null, expectedVersion: 0 }),
      ).rejects.toThrow(/expectedVersion 0 is stale, the current version is 1/);
      const second = await store.createReview(ctx(), {
        comment: null,
        expectedVersion: 1,
      });
      await expect(store.getLatestReview(ENTITY)).resolves.toEqual(second);
      await expect(
        store.getLatestReview(ENTITY, { decidedOnly: true }),
      ).resolves.toEqual(signed);
      await expect(store.getReview(ENTITY, signed.id)).resolves.toEqual(signed);
      await expect(store.getReview(OTHER, signed.id)).resolves.toBeUndefined();
      await expect(store.getLatestReview(OTHER)).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'pages through the history newest first, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      for (let version = 0; version < 5; version++) {
        await store.createAttestation(
          ctx('user:default/guest', `2026-11-2${version}T10:00:00.000Z`),
          attestInput(version, `attestation ${version + 1}`),
        );
      }
      await store.createReview(ctx('user:default/guest', undefined, OTHER), {
        comment: 'other entity',
      });

      const first = await store.listHistory(ENTITY, { limit: 2 });
      expect(first.items.map(i => i.comment)).toEqual([
        'attestation 5',
        'attestation 4',
      ]);
      expect(first.items[0]).toMatchObject({
        entityRef: ENTITY,
        checkId: 'rollback-plan',
        action: 'attestation-created',
        actor: 'user:default/guest',
        subjectVersion: 5,
        details: {
          evidenceUrl: 'https://wiki.example.com/rollback',
          expiresAt: '2027-11-22T10:00:00.000Z',
        },
      });
      const second = await store.listHistory(ENTITY, {
        limit: 2,
        before: first.nextCursor!,
      });
      expect(second.items.map(i => i.comment)).toEqual([
        'attestation 3',
        'attestation 2',
      ]);
      const last = await store.listHistory(ENTITY, {
        limit: 2,
        before: second.nextCursor!,
      });
      expect(last.items.map(i => i.comment)).toEqual(['attestation 1']);
      expect(last.nextCursor).toBeNull();
    },
  );
  it.each(databases.eachSupportedId())(
    'lists approved waivers and current attestations expiring in a window, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const at = '2026-11-22T10:00:00.000Z';
      const soon = '2026-12-01T10:00:00.000Z';
      const later = '2027-02-01T10:00:00.000Z';
      await store.createAttestation(ctx(), {
        ...attestInput(0),
        expiresAt: soon,
      });
      // A re-attestation replaces the soon-expiring version: only the current one counts.
      await store.createAttestation(ctx('user:default/alice', at, OTHER), {
        ...attestInput(0),
        expiresAt: soon,
      });
      await store.createAttestation(ctx('user:default/alice', at, OTHER), {
        ...attestInput(1),
        expiresAt: later,
      });
      await store.createAttestation(ctx(), {
        ...attestInput(0),
        checkId: 'dr-test',
        expiresAt: soon,
      });
      await store.revokeAttestation(ctx(), {
        checkId: 'dr-test',
        comment: null,
        expectedVersion: 1,
      });
      const waiverInput = {
        checkId: 'runbook',
        justification: 'Runbook in review',
        expiresAt: '2026-11-30T10:00:00.000Z',
        expectedVersion: 0,
      };
      const approved = await store.createWaiver(ctx(), waiverInput);
      await store.decideWaiver(ctx('user:default/sre'), {
        waiverId: approved.id,
        status: 'approved',
        comment: 'ok',
        expectedVersion: approved.version,
      });
      // Requested but never approved: nothing to expire.
      await store.createWaiver(ctx('user:default/guest', at, OTHER), {
        ...waiverInput,
      });

      const window = { after: at, until: '2026-12-22T10:00:00.000Z' };
      const expiring = await store.listExpiringWithin({ ...window, limit: 10 });
      expect(
        expiring.waivers.map(w => [w.entityRef, w.checkId, w.status]),
      ).toEqual([[ENTITY, 'runbook', 'approved']]);
      expect(
        expiring.attestations.map(a => [a.entityRef, a.checkId, a.expiresAt]),
      ).toEqual([[ENTITY, 'rollback-plan', soon]]);

      const wider = await store.listExpiringWithin({
        after: at,
        until: '2027-03-01T10:00:00.000Z',
        limit: 10,
      });
      expect(wider.attestations.map(a => [a.entityRef, a.expiresAt])).toEqual([
        [ENTITY, soon],
        [OTHER, later],
      ]);
      expect(
        (await store.listExpiringWithin({ ...window, after: soon, limit: 10 }))
          .attestations,
      ).toEqual([]);
      expect(
        (await store.listExpiringWithin({ after: at, until: later, limit: 1 }))
          .attestations,
      ).toHaveLength(1);
    },
  );
});
