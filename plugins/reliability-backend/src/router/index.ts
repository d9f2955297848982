import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ReliabilityPolicy } from '@reliability-suite/plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import type { ResultStore } from '../database/ResultStore';
import type { EntityEvaluator } from '../services/types';
import type { ReportService } from '../services/ReportService';
import type { ReviewService } from '../services/ReviewService';
import type { CoverageService } from '../services/CoverageService';
import type { SloHistoryReader } from '../services/SloStatusService';
import type { InboxService } from '../services/InboxService';
import { createCoverageRoutes } from './coverageRoutes';
import { createInboxRoutes } from './inboxRoutes';
import { createReportRoutes } from './reportRoutes';
import { createReviewRoutes } from './reviewRoutes';
import { describeRequestErrors, JSON_BODY_LIMIT } from './requestErrors';

/**
 * Everything the plugin's routes need; each sub-router takes the part it uses.
 * Sub-routers: report/gate/refresh (reportRoutes.ts), reviews (reviewRoutes.ts),
 * coverage (coverageRoutes.ts), the approver inbox (inboxRoutes.ts).
 */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  policy: ReliabilityPolicy;
  resultStore: ResultStore;
  reports: ReportService;
  evaluator: EntityEvaluator;
  reviews: ReviewService;
  coverage: CoverageService;
  inbox: InboxService;
  /** `reliability.retention.days`: the longest coverage history served. */
  retentionDays: number;
  /** Live SLO status history; absent when no Prometheus is configured. */
  sloHistory?: SloHistoryReader;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: JSON_BODY_LIMIT }));

  router.use(createReportRoutes(options));
  router.use(createReviewRoutes(options));
  router.use(createCoverageRoutes(options));
  router.use(createInboxRoutes(options));
  router.use(describeRequestErrors);

  return router;
}
