import { registerCanDeployAction } from './canDeploy';
import { registerExplainReadinessAction } from './explainReadiness';
import { registerGetCoverageAction } from './getCoverage';
import { registerGetSloStatusAction } from './getSloStatus';
import { registerListExpiringAction } from './listExpiring';
import { registerRequestWaiverAction } from './requestWaiver';
import type { ReliabilityActionsOptions } from './types';

export type { ReliabilityActionsOptions } from './types';

/**
 * Registers the suite's actions with Backstage's actions registry, where the MCP actions
 * backend (and any other actions client) finds them as `reliability:<name>`. Each answers as
 * the caller: the same visibility and permission checks as the REST routes.
 */
export function registerReliabilityActions(
  options: ReliabilityActionsOptions,
): void {
  registerCanDeployAction(options);
  registerExplainReadinessAction(options);
  registerGetSloStatusAction(options);
  registerGetCoverageAction(options);
  registerListExpiringAction(options);
  registerRequestWaiverAction(options);
}
