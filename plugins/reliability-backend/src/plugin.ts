import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  defaultPolicy,
  parsePolicyConfig,
} from '@reliability-suite/plugin-reliability-common';
import {
  reliabilityChecksExtensionPoint,
  type ReliabilityCheckEvaluator,
} from '@reliability-suite/plugin-reliability-node';
import { registerReliabilityActions } from './actions';
import { DatabaseResultStore } from './database/DatabaseResultStore';
import { DatabaseReviewStore } from './database/DatabaseReviewStore';
import { EVALUATION_TASK_ID, readEvaluationSchedule } from './lib/schedule';
import { registerReliabilityPermissions } from './permissions';
import { DatabaseCoverageStore } from './database/DatabaseCoverageStore';
import { readCoverageTargets } from './lib/coverageTargets';
import { createRouter } from './router';
import { CoverageService } from './services/CoverageService';
import {
  COVERAGE_SNAPSHOT_TASK_ID,
  CoverageSnapshotService,
  readDemoSeedHistoryDays,
  readRetentionDays,
} from './services/CoverageSnapshotService';
import { EntityAccess } from './services/EntityAccess';
import { EvaluationService } from './services/EvaluationService';
import { InboxService } from './services/InboxService';
import { ReportService } from './services/ReportService';
import { ReviewService } from './services/ReviewService';
import { SloFileReader } from '@reliability-suite/plugin-reliability-node';
import { DatabaseSloStatusStore } from './database/DatabaseSloStatusStore';
import { readPrometheusSettings } from './prometheus/prometheusConfig';
import { SloStatusService } from './services/SloStatusService';
import { SLO_STATUS_TASK_ID, SloStatusRun } from './services/SloStatusRun';
import { OnCallService } from './services/oncall/OnCallService';
import {
  ONCALL_REFRESH_TASK_ID,
  OnCallRefresher,
} from './services/oncall/OnCallRefresher';
import { PeopleDirectory } from './services/oncall/PeopleDirectory';
import { readOnCallConfig } from './services/oncall/readOnCallConfig';
import { setUpNotifications } from './services/notifications/setUpNotifications';

/**
 * The Reliability Suite backend plugin, served at `/api/reliability`.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const checkEvaluators = new Map<string, ReliabilityCheckEvaluator>();
    env.registerExtensionPoint(reliabilityChecksExtensionPoint, {
      addCheckEvaluator(evaluator) {
        if (checkEvaluators.has(evaluator.id)) {
          throw new Error(
            `A reliability check evaluator for "${evaluator.id}" is already registered`,
          );
        }
        checkEvaluators.set(evaluator.id, evaluator);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        cache: coreServices.cache,
        auditor: coreServices.auditor,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        scheduler,
        urlReader,
        cache,
        auditor,
        userInfo,
        catalog,
        lifecycle,
        notifications,
        actionsRegistry,
      }) {
        // Throws a PolicyConfigError naming the offending key: a broken policy must stop
        // start-up rather than score every entity against something nobody configured.
        const policy = parsePolicyConfig(
          config.getOptional('reliability.policy'),
        );
        for (const id of checkEvaluators.keys()) {
          const check = policy.checks.find(c => c.id === id);
          if (defaultPolicy.checks.some(c => c.id === id)) {
            logger.warn(
              `Reliability check evaluator "${id}" is ignored: "${id}" is a built-in check, evaluated by the suite itself`,
            );
          } else if (!check || check.kind !== 'automatic') {
            logger.warn(
              `Reliability check evaluator "${id}" is ignored: reliability.policy.checks has no automatic check with that id`,
            );
          }
        }

        // Throws naming the offending key, like the policy.
        const oncallConfig = readOnCallConfig(config);
        const oncall = new OnCallService({
          rotations: oncallConfig.rotations,
          vendors: oncallConfig.vendors,
          cache,
          people: new PeopleDirectory({ catalog, auth }),
          logger,
          cacheTtlMs: oncallConfig.cacheTtlMs,
        });

        const resultStore = await DatabaseResultStore.create({
          database,
          policy,
        });
        const reviewStore = await DatabaseReviewStore.create({ database });
        const sloSource = SloFileReader.fromConfig(config, {
          urlReader,
          cache,
          logger,
        });
        // Throws naming the bad reliability.prometheus key: start-up stops.
        const prometheus = readPrometheusSettings(config);
        const sloStatuses = prometheus
          ? new SloStatusService({
              settings: prometheus,
              store: await DatabaseSloStatusStore.create({ database }),
              logger,
              sloSource,
            })
          : undefined;
        const notifier = await setUpNotifications({
          config,
          database,
          scheduler,
          logger,
          policy,
          notifications,
          oncall,
        });
        const evaluation = new EvaluationService({
          catalog,
          auth,
          logger,
          policy,
          sloSource,
          resultStore,
          reviewFacts: reviewStore,
          checkEvaluators,
          sloStatuses,
          oncall,
          listener: notifier?.readinessWatcher,
        });
        if (oncallConfig.vendors.length > 0) {
          const refresher = new OnCallRefresher({
            oncall,
            catalog,
            auth,
            logger,
          });
          await scheduler.scheduleTask({
            id: ONCALL_REFRESH_TASK_ID,
            ...oncallConfig.schedule,
            fn: async () => {
              await refresher.run();
            },
          });
        }
        const reports = new ReportService({
          resultStore,
          evaluator: evaluation,
          measureEntity:
            sloStatuses && (entity => sloStatuses.measureEntity(entity)),
        });

        // A run left unfinished belongs to a backend that stopped mid-run.
        const abandonedRuns = await evaluation.abandonUnfinishedRuns();

        await scheduler.scheduleTask({
          id: EVALUATION_TASK_ID,
          ...readEvaluationSchedule(config),
          fn: async () => {
            await evaluation.evaluateAll();
            reports.invalidateLastRun();
            // Fresh results make a fresh snapshot; a snapshot already running is enough.
            await scheduler
              .triggerTask(COVERAGE_SNAPSHOT_TASK_ID)
              .catch(error =>
                logger.debug(`Coverage snapshot not triggered: ${error}`),
              );
          },
        });

        if (abandonedRuns.length > 0) {
          // The stopped backend's scheduler lock on the task lasts until the task's
          // timeout: released and the task run now, through the scheduler, so replicas
          // still share one run.
          lifecycle.addStartupHook(async () => {
            await scheduler.cancelTask(EVALUATION_TASK_ID).catch(() => {});
            await scheduler
              .triggerTask(EVALUATION_TASK_ID)
              .catch(error =>
                logger.warn(
                  `Evaluation after an abandoned run not started: ${error}`,
                ),
              );
          });
        }

        const coverageStore = await DatabaseCoverageStore.create({ database });
        const retentionDays = readRetentionDays(config);
        const coverage = new CoverageService({
          store: coverageStore,
          policy,
          targets: readCoverageTargets(config),
        });
        const coverageSnapshot = new CoverageSnapshotService({
          catalog,
          auth,
          store: coverageStore,
          logger,
          retentionDays,
          demoSeedHistoryDays: readDemoSeedHistoryDays(config),
        });
        await scheduler.scheduleTask({
          id: COVERAGE_SNAPSHOT_TASK_ID,
          scope: 'global',
          frequency: { minutes: 30 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 2 },
          fn: async () => {
            await coverageSnapshot.run();
          },
        });

        if (prometheus && sloStatuses) {
          const sloStatusRun = new SloStatusRun({
            catalog,
            auth,
            policy,
            sloSource,
            statuses: sloStatuses,
            logger,
            retentionDays,
            listener: notifier?.sloStatusWatcher,
          });
          await scheduler.scheduleTask({
            id: SLO_STATUS_TASK_ID,
            scope: 'global',
            frequency: { minutes: prometheus.frequencyMinutes },
            timeout: { minutes: Math.max(10, prometheus.frequencyMinutes * 2) },
            initialDelay: { seconds: 30 },
            fn: async () => {
              await sloStatusRun.run();
              // The checks and reports read the statuses when entities are evaluated.
              await scheduler
                .triggerTask(EVALUATION_TASK_ID)
                .catch(error =>
                  logger.debug(`Evaluation not triggered: ${error}`),
                );
            },
          });
        }

        registerReliabilityPermissions({ permissionsRegistry, catalog, auth });
        const reviews = new ReviewService({
          store: reviewStore,
          policy,
          catalog,
          reports,
          evaluator: evaluation,
          permissions,
          userInfo,
          logger,
          events: notifier?.reviewNotifier,
        });
        await notifier?.scheduleSweep({
          reviewStore,
          tierOf: async entityRef =>
            (await resultStore.getResult(entityRef))?.report.tier?.level ??
            null,
          catalog,
          auth,
          coverage,
          targets: readCoverageTargets(config),
        });

        registerReliabilityActions({
          actionsRegistry,
          auth,
          permissions,
          auditor,
          access: new EntityAccess({ auth, catalog }),
          reports,
          reviews,
          coverage,
        });

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            auth,
            permissions,
            auditor,
            catalog,
            policy,
            resultStore,
            reports,
            evaluator: evaluation,
            reviews,
            coverage,
            inbox: new InboxService({
              store: reviewStore,
              policy,
              catalog,
              auth,
              reports,
              permissions,
              userInfo,
            }),
            retentionDays,
            sloHistory: sloStatuses,
          }),
        );
      },
    });
  },
});
