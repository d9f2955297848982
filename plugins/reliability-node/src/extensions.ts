import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  CheckState,
  EntityProfile,
  SloLoadResult,
} from '@reliability-suite/plugin-reliability-common';

/** What a custom check evaluator gets besides the entity itself. */
export interface ReliabilityCheckContext {
  /** The entity's parsed annotations and links. */
  profile: EntityProfile;
  /** The entity's SLO file, as loaded. */
  slos: SloLoadResult;
  /** The evaluation time; use it instead of the wall clock so results are reproducible. */
  now: Date;
}

/** The outcome of a custom check. `waived` is not allowed: waivers are applied afterwards. */
export interface ReliabilityCheckOutcome {
  state: Exclude<CheckState, 'waived'>;
  /** What was found, shown beside the check. */
  message: string;
  /** Overrides the check definition's "how to fix" for this outcome. */
  howToFix?: string;
}

/**
 * Evaluates one automatic check of the policy in code. The check itself (title, area,
 * how to fix, which tiers require it) is still defined in `reliability.policy.checks`;
 * the evaluator only decides its state.
 */
export interface ReliabilityCheckEvaluator {
  /** The policy check id this evaluator decides, e.g. `feature-flags`. */
  id: string;
  evaluate(
    entity: Entity,
    context: ReliabilityCheckContext,
  ): ReliabilityCheckOutcome | Promise<ReliabilityCheckOutcome>;
}

export interface ReliabilityChecksExtensionPoint {
  /** Registers an evaluator; one per check id. */
  addCheckEvaluator(evaluator: ReliabilityCheckEvaluator): void;
}

/**
 * Lets backend modules add automatic check evaluators to the reliability plugin.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'reliability',
 *   moduleId: 'feature-flags',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { checks: reliabilityChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addCheckEvaluator({
 *           id: 'feature-flags',
 *           evaluate: entity => ({ state: 'pass', message: 'Flags configured' }),
 *         });
 *       },
 *     });
 *   },
 * });
 * ```
 */
export const reliabilityChecksExtensionPoint =
  createExtensionPoint<ReliabilityChecksExtensionPoint>({
    id: 'reliability.checks',
  });
