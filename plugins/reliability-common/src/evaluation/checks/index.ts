import type { DefaultCheckId } from '../../policy/defaultChecks';
import type { CheckEvaluator } from '../types';
import { evaluateDashboard } from './dashboard';
import { evaluateDependenciesTiered } from './dependenciesTiered';
import { evaluateDocs } from './docs';
import { evaluateOncall } from './oncall';
import { evaluateOncallDepth } from './oncallDepth';
import { evaluateOncallGaps } from './oncallGaps';
import { evaluateOncallVerified } from './oncallVerified';
import { evaluateOwner } from './owner';
import { evaluateRunbook } from './runbook';
import { evaluateRunbookFresh } from './runbookFresh';
import { evaluateSloAlerting } from './sloAlerting';
import { evaluateSloDefined } from './sloDefined';
import { evaluateTier } from './tier';
import { evaluateErrorBudget } from './errorBudget';
import { evaluateSloMeasured } from './sloMeasured';

export { evaluateAnnotationCheck } from './annotation';

/** The evaluators of the built-in automatic checks, by check id. */
export const builtInCheckEvaluators: ReadonlyMap<string, CheckEvaluator> =
  new Map<DefaultCheckId, CheckEvaluator>([
    ['owner', evaluateOwner],
    ['tier', evaluateTier],
    ['slo-defined', evaluateSloDefined],
    ['slo-alerting', evaluateSloAlerting],
    ['oncall', evaluateOncall],
    ['runbook', evaluateRunbook],
    ['runbook-fresh', evaluateRunbookFresh],
    ['dashboard', evaluateDashboard],
    ['docs', evaluateDocs],
    ['dependencies-tiered', evaluateDependenciesTiered],
    ['slo-measured', evaluateSloMeasured],
    ['error-budget', evaluateErrorBudget],
    ['oncall-verified', evaluateOncallVerified],
    ['oncall-depth', evaluateOncallDepth],
    ['oncall-gaps', evaluateOncallGaps],
  ]);
