import type {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  CoverageTarget,
  ReliabilityPolicy,
  TargetsResponse,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseNotificationOutboxStore } from '../../database/DatabaseNotificationOutboxStore';
import type { ReviewStore } from '../../database/ReviewStore';
import {
  readNotificationSettings,
  targetRecipients,
} from '../../lib/notificationConfig';
import {
  NOTIFICATION_DRAIN_TASK_ID,
  NotificationDrainer,
} from './NotificationDrainer';
import {
  NOTIFICATION_SWEEP_TASK_ID,
  NotificationSweep,
} from './NotificationSweep';
import { ReadinessWatcher } from './ReadinessWatcher';
import { ReviewNotifier } from './ReviewNotifier';
import { SloStatusWatcher } from './SloStatusWatcher';
import type { OnCallService } from '../oncall/OnCallService';

/** The notification parts the plugin wires into evaluation and reviews. */
export interface NotificationWiring {
  readinessWatcher: ReadinessWatcher;
  sloStatusWatcher: SloStatusWatcher;
  reviewNotifier: ReviewNotifier;
  scheduleSweep(options: {
    reviewStore: Pick<
      ReviewStore,
      'listPendingDecisions' | 'listExpiring' | 'listLatestSignOffs'
    >;
    tierOf: (entityRef: string) => Promise<number | null>;
    catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    coverage: { getTargets(): Promise<TargetsResponse> };
    targets: CoverageTarget[];
  }): Promise<void>;
}

/**
 * Creates the outbox, the listeners that fill it and the global tasks that drain it (every
 * 10 seconds, and at once after a notification is queued) and sweep for due notifications
 * (hourly). Undefined when `reliability.notifications.enabled` is false.
 */
export async function setUpNotifications(options: {
  config: RootConfigService;
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
  policy: ReliabilityPolicy;
  notifications: NotificationService;
  /** Who is on call, so that SLO notifications reach them too. */
  oncall?: Pick<OnCallService, 'liveFor'>;
}): Promise<NotificationWiring | undefined> {
  const { config, database, scheduler, logger, policy } = options;
  const settings = readNotificationSettings(config);
  if (!settings.enabled) {
    return undefined;
  }
  const outbox = await DatabaseNotificationOutboxStore.create({ database });
  const drainer = new NotificationDrainer({
    store: outbox,
    notifications: options.notifications,
    logger,
  });
  await scheduler.scheduleTask({
    id: NOTIFICATION_DRAIN_TASK_ID,
    scope: 'global',
    frequency: { seconds: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
    fn: async () => {
      await drainer.drain();
    },
  });
  const wakeDrainer = () =>
    scheduler
      .triggerTask(NOTIFICATION_DRAIN_TASK_ID)
      .catch(error =>
        logger.debug(`Notification drain not triggered: ${error}`),
      );
  const reviewNotifier = new ReviewNotifier({
    store: outbox,
    policy,
    fallbackApprovers: settings.approvers,
    logger,
    onQueued: wakeDrainer,
  });
  return {
    readinessWatcher: new ReadinessWatcher({
      store: outbox,
      logger,
      onQueued: wakeDrainer,
    }),
    sloStatusWatcher: new SloStatusWatcher({
      store: outbox,
      oncall: options.oncall,
      logger,
      onQueued: wakeDrainer,
    }),
    reviewNotifier,
    async scheduleSweep(sweepOptions) {
      const sweep = new NotificationSweep({
        ...sweepOptions,
        outbox,
        notifier: reviewNotifier,
        targetRecipients: targetRecipients(sweepOptions.targets),
        reviewCadenceDays: settings.reviewCadenceDays,
        logger,
      });
      await scheduler.scheduleTask({
        id: NOTIFICATION_SWEEP_TASK_ID,
        scope: 'global',
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { minutes: 1 },
        fn: async () => {
          await sweep.run();
        },
      });
    },
  };
}
