import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  TargetReport,
  TargetsResponse,
} from '@reliability-suite/plugin-reliability-common';
import type {
  NotificationOutboxStore,
  StateTransition,
} from '../../database/NotificationOutboxStore';
import type { ReviewStore } from '../../database/ReviewStore';
import {
  coverageTargetId,
  decideCoverageOffTrack,
  decideExpiryWarning,
  decideReviewDue,
  type NotificationIntent,
} from '../../domain/notifications';
import type { ReviewNotifier } from './ReviewNotifier';

export const NOTIFICATION_SWEEP_TASK_ID = 'reliability-notifications-sweep';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sent notifications are kept this long: their delivery keys stop repeats meanwhile. */
export const OUTBOX_RETENTION_DAYS = 30;

/**
 * The notifications nothing writes at the moment they fall due: expiring attestations and
 * waivers, reviews due by the tier's cadence, coverage targets turning off track. It also
 * queues every pending waiver and review again under the key of its request, which adds
 * nothing when the request was queued at its write, and restores one that was lost.
 */
export class NotificationSweep {
  constructor(
    private readonly options: {
      reviewStore: Pick<
        ReviewStore,
        'listPendingDecisions' | 'listExpiring' | 'listLatestSignOffs'
      >;
      /** The tier of an entity as last evaluated. */
      tierOf: (entityRef: string) => Promise<number | null>;
      catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      outbox: NotificationOutboxStore;
      notifier: ReviewNotifier;
      coverage: { getTargets(): Promise<TargetsResponse> };
      /** Recipients per coverage target id (targets without `notify` are left out). */
      targetRecipients: ReadonlyMap<string, string[]>;
      /** Days between readiness reviews per tier level (as string). */
      reviewCadenceDays: Readonly<Record<string, number>>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async run(): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))();
    const intents: NotificationIntent[] = [
      ...(await this.pendingDecisions()),
      ...(await this.expiring(now)),
      ...(await this.reviewsDue(now)),
    ];
    const queued = await this.options.outbox.enqueue(intents, now);
    await this.coverageTargets(now);
    const pruned = await this.options.outbox.prune(
      new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS),
    );
    this.options.logger.debug(
      `Notification sweep: ${queued} queued, ${pruned} old ones pruned`,
    );
  }

  private async pendingDecisions(): Promise<NotificationIntent[]> {
    const { waivers, reviews } =
      await this.options.reviewStore.listPendingDecisions();
    const refs = [
      ...waivers.map(w => w.entityRef),
      ...reviews.map(r => r.entityRef),
    ];
    const titles = await this.titles(refs);
    const tiers = await this.tiers(refs);
    const context = (ref: string) => ({
      entityTitle: titles.get(ref) ?? null,
      tier: tiers.get(ref) ?? null,
    });
    return [
      ...waivers.map(w =>
        this.options.notifier.waiverIntent(w, context(w.entityRef)),
      ),
      ...reviews.map(r =>
        this.options.notifier.reviewIntent(r, context(r.entityRef)),
      ),
    ].filter((intent): intent is NotificationIntent => intent !== null);
  }

  private async expiring(now: Date): Promise<NotificationIntent[]> {
    const { attestations, waivers } =
      await this.options.reviewStore.listExpiring(
        now.toISOString(),
        new Date(now.getTime() + 14 * DAY_MS).toISOString(),
      );
    const items = [
      ...attestations.map(a => ({ kind: 'attestation' as const, ...a })),
      ...waivers.map(w => ({ kind: 'waiver' as const, ...w })),
    ];
    const titles = await this.titles(items.map(item => item.entityRef));
    return items
      .map(item =>
        decideExpiryWarning(
          {
            kind: item.kind,
            id: item.id,
            entityRef: item.entityRef,
            entityTitle: titles.get(item.entityRef),
            checkId: item.checkId,
            checkTitle: this.options.notifier.checkTitle(item.checkId),
            expiresAt: item.expiresAt,
          },
          now,
        ),
      )
      .filter((intent): intent is NotificationIntent => intent !== null);
  }

  private async reviewsDue(now: Date): Promise<NotificationIntent[]> {
    if (Object.keys(this.options.reviewCadenceDays).length === 0) {
      return [];
    }
    const signOffs = await this.options.reviewStore.listLatestSignOffs();
    const refs = signOffs.map(s => s.entityRef);
    const tiers = await this.tiers(refs);
    const titles = await this.titles(refs);
    return signOffs
      .map(signOff => {
        const tier = tiers.get(signOff.entityRef) ?? null;
        return decideReviewDue({
          entityRef: signOff.entityRef,
          entityTitle: titles.get(signOff.entityRef),
          lastSignedOffAt: signOff.signedOffAt,
          cadenceDays:
            this.options.reviewCadenceDays[
              tier === null ? 'none' : String(tier)
            ],
          reviewPending: signOff.reviewPending,
          now,
        });
      })
      .filter((intent): intent is NotificationIntent => intent !== null);
  }

  private async coverageTargets(now: Date): Promise<void> {
    const { targetRecipients } = this.options;
    if (targetRecipients.size === 0) {
      return;
    }
    const { targets } = await this.options.coverage.getTargets();
    const notified = targets
      .map(target => ({ target, id: coverageTargetId(target) }))
      .filter(({ id }) => targetRecipients.has(id));
    const stateKey = (id: string) => `coverage-target:${id}`;
    const stored = await this.options.outbox.readStates(
      notified.map(({ id }) => stateKey(id)),
    );
    const today = now.toISOString().slice(0, 10);
    const transitions: StateTransition[] = [];
    for (const { target, id } of notified) {
      const expected = stored.get(stateKey(id)) ?? null;
      const before =
        expected === null
          ? null
          : (JSON.parse(expected) as TargetReport['status']);
      if (before === target.status) {
        continue;
      }
      const intent = decideCoverageOffTrack({
        targetId: id,
        description: target.title ?? id,
        explanation: target.explanation,
        before,
        after: target.status,
        recipients: targetRecipients.get(id) ?? [],
        today,
      });
      transitions.push({
        stateKey: stateKey(id),
        expected,
        next: JSON.stringify(target.status),
        intents: intent ? [intent] : [],
      });
    }
    await this.options.outbox.applyTransitions(transitions, now);
  }

  private async tiers(refs: string[]): Promise<Map<string, number | null>> {
    const tiers = new Map<string, number | null>();
    for (const ref of new Set(refs)) {
      tiers.set(ref, await this.options.tierOf(ref));
    }
    return tiers;
  }

  private async titles(refs: string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(refs)];
    const titles = new Map<string, string | null>();
    if (unique.length === 0) {
      return titles;
    }
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: unique,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    for (const entity of items) {
      if (entity) {
        titles.set(
          stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
          entity.metadata.title ?? null,
        );
      }
    }
    return titles;
  }
}
