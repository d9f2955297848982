import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  defaultPolicy,
  type TargetReport,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseNotificationOutboxStore } from '../../database/DatabaseNotificationOutboxStore';
import { DatabaseReviewStore } from '../../database/DatabaseReviewStore';
import { coverageTargetId } from '../../domain/notifications';
import { NotificationSweep } from './NotificationSweep';
import { ReviewNotifier } from './ReviewNotifier';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const NOW = new Date('2026-12-01T10:00:00.000Z');
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const CHECKOUT = 'component:default/checkout-api';
const SEARCH = 'component:default/search';

const target = {
  tier: 1,
  measure: 'withSlo' as const,
  target: 0.9,
  by: '2027-06-30',
};

describe('NotificationSweep', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setUp(databaseId: any) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex };
    const reviewStore = await DatabaseReviewStore.create({ database });
    const outbox = await DatabaseNotificationOutboxStore.create({ database });
    const logger = mockServices.logger.mock();
    let status: TargetReport['status'] = 'on-track';
    let clock = NOW;
    const sweep = new NotificationSweep({
      reviewStore,
      tierOf: async ref => (ref === CHECKOUT ? 1 : 2),
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'checkout-api', title: 'Checkout API' },
            spec: {},
          },
        ],
      }),
      auth: mockServices.auth(),
      outbox,
      notifier: new ReviewNotifier({
        store: outbox,
        policy: defaultPolicy,
        fallbackApprovers: ['group:default/sre-core'],
        logger,
      }),
      coverage: {
        getTargets: async () => ({
          asOf: NOW.toISOString(),
          targets: [
            {
              ...target,
              title: 'Tier 1 with SLO',
              status,
              current: 0.5,
              count: 5,
              total: 10,
              projected: 0.7,
              historyDays: 20,
              explanation: 'Projected 70% by 2027-06-30.',
            },
          ],
        }),
      },
      targetRecipients: new Map([
        [coverageTargetId(target), ['group:default/sre-core']],
      ]),
      reviewCadenceDays: { '1': 90 },
      logger,
      now: () => clock,
    });
    const keys = async () =>
      (await knex('reliability_notification_outbox').orderBy('id')).map(
        (row: { delivery_key: string }) => row.delivery_key,
      );
    return {
      reviewStore,
      sweep,
      keys,
      setStatus: (s: TargetReport['status']) => {
        status = s;
      },
      setClock: (d: Date) => {
        clock = d;
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'queues pending requests, expiries, due reviews and off-track targets, each once, %p',
    async databaseId => {
      const { reviewStore, sweep, keys, setStatus, setClock } = await setUp(
        databaseId,
      );
      const ctx = (
        entityRef: string,
        actor = 'user:default/guest',
        days = -100,
      ) => ({
        entityRef,
        actor,
        at: at(days),
      });
      const waiver = await reviewStore.createWaiver(ctx(CHECKOUT), {
        checkId: 'load-test',
        justification: 'Rebuilding the cluster',
        expiresAt: at(60),
        expectedVersion: 0,
      });
      const attestation = await reviewStore.createAttestation(ctx(CHECKOUT), {
        checkId: 'rollback-plan',
        evidenceUrl: 'https://wiki.example.com/rollback',
        comment: 'Drill',
        expiresAt: at(10),
        expectedVersion: 0,
      });
      // Far from expiry: no warning.
      await reviewStore.createAttestation(ctx(SEARCH), {
        checkId: 'rollback-plan',
        evidenceUrl: 'https://wiki.example.com/rollback',
        comment: 'Drill',
        expiresAt: at(100),
        expectedVersion: 0,
      });
      // A tier-1 review signed off 80 days ago is due in 10 days (cadence 90).
      const review = await reviewStore.createReview(
        ctx(CHECKOUT, undefined, -81),
        {
          comment: null,
        },
      );
      await reviewStore.decideReview(
        ctx(CHECKOUT, 'user:default/sre-lead', -80),
        {
          reviewId: review.id,
          status: 'signed-off',
          comment: 'ok',
          snapshot: {
            score: 90,
            verdict: 'ready',
            evaluatedAt: at(-80),
            checks: [],
          },
          expectedVersion: 1,
        },
      );

      await sweep.run(); // first sight of the target: on track, remembered
      setStatus('off-track');
      await sweep.run();
      await sweep.run();
      expect(await keys()).toEqual([
        `waiver-requested:${waiver.id}`,
        `expiring:attestation:${attestation.id}:14`,
        `review-due:${CHECKOUT}:2026-12-11:soon`,
        `coverage-off-track:${coverageTargetId(target)}:2026-12-01`,
      ]);

      // Eight days on: the 3-day warning follows.
      setClock(new Date(NOW.getTime() + 8 * DAY));
      await sweep.run();
      expect((await keys()).slice(4)).toEqual([
        `expiring:attestation:${attestation.id}:3`,
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists expiring approved waivers, not requested ones, %p',
    async databaseId => {
      const { reviewStore } = await setUp(databaseId);
      const requested = await reviewStore.createWaiver(
        { entityRef: CHECKOUT, actor: 'user:default/guest', at: at(0) },
        {
          checkId: 'load-test',
          justification: 'x',
          expiresAt: at(5),
          expectedVersion: 0,
        },
      );
      await expect(reviewStore.listExpiring(at(0), at(14))).resolves.toEqual({
        attestations: [],
        waivers: [],
      });
      await reviewStore.decideWaiver(
        { entityRef: CHECKOUT, actor: 'user:default/sre-lead', at: at(0) },
        {
          waiverId: requested.id,
          status: 'approved',
          comment: 'ok',
          expectedVersion: 1,
        },
      );
      const { waivers } = await reviewStore.listExpiring(at(0), at(14));
      expect(waivers.map(w => w.id)).toEqual([requested.id]);
      await expect(reviewStore.listPendingDecisions()).resolves.toEqual({
        waivers: [],
        reviews: [],
      });
    },
  );
});
