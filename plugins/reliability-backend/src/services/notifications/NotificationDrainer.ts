import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { NotificationOutboxStore } from '../../database/NotificationOutboxStore';

export const NOTIFICATION_DRAIN_TASK_ID = 'reliability-notifications-drain';

/** A claimed row is nobody else's for this long: far longer than sending a batch takes. */
const LEASE_MS = 5 * 60_000;
const BATCH = 50;
/** Batches per drain, so one run ends even while rows keep coming in. */
const MAX_BATCHES = 20;
/** Attempts before a notification is given up (about a day of back-off). */
export const MAX_ATTEMPTS = 12;

/** The wait before retrying a send that failed `attempts` times: 1, 2, 4 ... 120 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), 120) * 60_000;
}

/**
 * Sends what the outbox holds through the notifications backend. Each drain claims rows
 * under its own id, so drains on two replicas (or one overlapping the next) never send the
 * same row; a drain that dies leaves its rows to the next after the lease. A notification
 * that is sent but not yet marked (a crash in between) is sent again later; its scope makes
 * the notifications backend update the one the user has rather than add a second.
 */
export class NotificationDrainer {
  private readonly store: NotificationOutboxStore;
  private readonly notifications: NotificationService;
  private readonly logger: LoggerService;
  private readonly now: () => Date;

  constructor(options: {
    store: NotificationOutboxStore;
    notifications: NotificationService;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.store = options.store;
    this.notifications = options.notifications;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
  }

  /** Sends pending notifications; returns how many were sent. */
  async drain(): Promise<{ sent: number; failed: number }> {
    const claimant = randomUUID();
    let sent = 0;
    let failed = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const claimed = await this.store.claim({
        claimant,
        now: this.now(),
        leaseMs: LEASE_MS,
        limit: BATCH,
      });
      for (const { id, intent, attempts } of claimed) {
        try {
          await this.notifications.send({
            recipients: {
              type: 'entity',
              entityRef: intent.recipients,
              excludeEntityRef: intent.excludeRefs?.length
                ? intent.excludeRefs
                : undefined,
            },
            payload: intent.payload,
          });
          await this.store.markSent(id, claimant, this.now());
          sent += 1;
        } catch (error) {
          failed += 1;
          const giveUp = attempts >= MAX_ATTEMPTS;
          this.logger.warn(
            `Sending notification ${intent.key} failed (attempt ${attempts}${
              giveUp ? ', giving up' : ''
            }): ${error}`,
          );
          await this.store.markFailed(id, claimant, {
            error: String(error),
            retryAt: new Date(this.now().getTime() + retryDelayMs(attempts)),
            giveUp,
          });
        }
      }
      if (claimed.length < BATCH) {
        break;
      }
    }
    return { sent, failed };
  }
}
