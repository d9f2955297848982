import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  defaultPolicy,
  parsePolicyConfig,
} from '@reliability-suite/plugin-reliability-common';
import {
  reliabilityChecksExtensionPoint,
  type ReliabilityCheckEvaluator,
} from '@reliability-suite/plugin-reliability-node';
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
  readRetentionDays,
} from './services/CoverageSnapshotService';
import { EvaluationService } from './services/EvaluationService';
import { ReportService } from './services/ReportService';
import { ReviewService } from './services/ReviewService';
import { SloLoader } from './services/SloLoader';

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

        const resultStore = await DatabaseResultStore.create({
          database,
          policy,
        });
        const reviewStore = await DatabaseReviewStore.create({ database });
        const evaluation = new EvaluationService({
          catalog,
          auth,
          logger,
          policy,
          sloSource: SloLoader.fromConfig(config, { urlReader, cache, logger }),
          resultStore,
          reviewFacts: reviewStore,
          checkEvaluators,
        });
        const reports = new ReportService({
          resultStore,
          evaluator: evaluation,
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
            retentionDays,
          }),
        );
      },
    });
  },
});
