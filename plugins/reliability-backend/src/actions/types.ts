import type {
  AuditorService,
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CoverageService } from '../services/CoverageService';
import type { EntityAccess } from '../services/EntityAccess';
import type { ReportService } from '../services/ReportService';
import type { ReviewService } from '../services/ReviewService';

/** The services the agent actions answer from: the same ones the REST routes use. */
export interface ReliabilityActionsOptions {
  actionsRegistry: ActionsRegistryService;
  auth: Pick<AuthService, 'isPrincipal'>;
  permissions: PermissionsService;
  auditor: AuditorService;
  access: EntityAccess;
  reports: ReportService;
  reviews: ReviewService;
  coverage: CoverageService;
}
