import type { Entity } from '@backstage/catalog-model';
import type {
  ExternalCheckOutcome,
  ReliabilityPolicy,
} from '@reliability-suite/plugin-reliability-common';
import type {
  ReliabilityCheckContext,
  ReliabilityCheckEvaluator,
} from '@reliability-suite/plugin-reliability-node';

const STATES: ReadonlySet<string> = new Set([
  'pass',
  'warn',
  'fail',
  'unknown',
  'not-applicable',
]);

/**
 * Runs the evaluators that backend modules registered for the policy's automatic checks.
 * An evaluator that throws or answers nonsense makes its check `unknown` with a message that
 * says so, rather than failing the entity's whole evaluation.
 */
export async function runCustomChecks(input: {
  entity: Entity;
  policy: ReliabilityPolicy;
  evaluators: ReadonlyMap<string, ReliabilityCheckEvaluator>;
  context: ReliabilityCheckContext;
}): Promise<Record<string, ExternalCheckOutcome>> {
  const { entity, policy, evaluators, context } = input;
  const results: Record<string, ExternalCheckOutcome> = {};
  for (const check of policy.checks) {
    const evaluator = evaluators.get(check.id);
    if (!evaluator || check.kind !== 'automatic') {
      continue;
    }
    try {
      const outcome = await evaluator.evaluate(entity, context);
      if (!outcome || !STATES.has(outcome.state)) {
        results[check.id] = {
          state: 'unknown',
          message: `The evaluator of "${
            check.id
          }" returned an invalid state ${JSON.stringify(outcome?.state)}`,
        };
        continue;
      }
      results[check.id] = {
        state: outcome.state,
        message: String(outcome.message ?? ''),
        ...(outcome.howToFix && { howToFix: outcome.howToFix }),
      };
    } catch (error) {
      results[check.id] = {
        state: 'unknown',
        message: `The evaluator of "${check.id}" failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
      };
    }
  }
  return results;
}
