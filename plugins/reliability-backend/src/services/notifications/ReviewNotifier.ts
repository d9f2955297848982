import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ReliabilityPolicy,
  Review,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';
import type { NotificationOutboxStore } from '../../database/NotificationOutboxStore';
import {
  approverRecipients,
  decideReviewDecided,
  decideReviewRequested,
  decideWaiverDecided,
  decideWaiverRequested,
  type NotificationIntent,
} from '../../domain/notifications';
import { approverGroupForTier } from '../../lib/reviewRules';

/** What a review write tells its listener: the item as written and its entity. */
export interface ReviewEventContext {
  entityTitle: string | null;
  tier: number | null;
}

/** Told about every waiver and review write, after it is stored. */
export interface ReviewEventListener {
  waiverWritten(waiver: Waiver, context: ReviewEventContext): Promise<void>;
  reviewWritten(review: Review, context: ReviewEventContext): Promise<void>;
}

/**
 * Queues the notifications of waiver and review writes: a request to the approvers of the
 * entity's tier, a decision to the requester. The outbox row is written right after the
 * review write commits; should the process die in between, the hourly sweep queues the
 * request again under the same delivery key (see NotificationSweep).
 */
export class ReviewNotifier implements ReviewEventListener {
  private readonly store: NotificationOutboxStore;
  private readonly policy: ReliabilityPolicy;
  private readonly fallbackApprovers: readonly string[];
  private readonly logger: LoggerService;
  private readonly onQueued: () => void;
  private readonly now: () => Date;

  constructor(options: {
    store: NotificationOutboxStore;
    policy: ReliabilityPolicy;
    /** Approvers of tiers without an approver group (`reliability.notifications.approvers`). */
    fallbackApprovers: readonly string[];
    logger: LoggerService;
    /** Called after a notification was queued, e.g. to start the drain at once. */
    onQueued?: () => void;
    now?: () => Date;
  }) {
    this.store = options.store;
    this.policy = options.policy;
    this.fallbackApprovers = options.fallbackApprovers;
    this.logger = options.logger;
    this.onQueued = options.onQueued ?? (() => {});
    this.now = options.now ?? (() => new Date());
  }

  /** The approvers to notify for an entity of this tier. */
  approversFor(tier: number | null): string[] {
    return approverRecipients(
      approverGroupForTier(this.policy, tier),
      this.fallbackApprovers,
    );
  }

  checkTitle(checkId: string): string | undefined {
    return this.policy.checks.find(check => check.id === checkId)?.title;
  }

  waiverIntent(
    waiver: Waiver,
    context: ReviewEventContext,
  ): NotificationIntent | null {
    const base = {
      entityRef: waiver.entityRef,
      entityTitle: context.entityTitle,
      checkTitle: this.checkTitle(waiver.checkId),
    };
    return waiver.status === 'requested'
      ? decideWaiverRequested(waiver, {
          ...base,
          approvers: this.approversFor(context.tier),
        })
      : decideWaiverDecided(waiver, base);
  }

  reviewIntent(
    review: Review,
    context: ReviewEventContext,
  ): NotificationIntent | null {
    const base = {
      entityRef: review.entityRef,
      entityTitle: context.entityTitle,
    };
    return review.status === 'requested'
      ? decideReviewRequested(review, {
          ...base,
          approvers: this.approversFor(context.tier),
        })
      : decideReviewDecided(review, base);
  }

  async waiverWritten(waiver: Waiver, context: ReviewEventContext) {
    await this.enqueue(this.waiverIntent(waiver, context));
  }

  async reviewWritten(review: Review, context: ReviewEventContext) {
    await this.enqueue(this.reviewIntent(review, context));
  }

  /** Never throws: the write it follows stands either way. */
  private async enqueue(intent: NotificationIntent | null): Promise<void> {
    if (!intent) {
      return;
    }
    try {
      await this.store.enqueue([intent], this.now());
      this.onQueued();
    } catch (error) {
      this.logger.warn(`Queueing notification ${intent.key} failed: ${error}`);
    }
  }
}
