import { ANNOTATION_SLO_REF, ANNOTATION_TIER } from '../annotations';
import type { ReliabilityPolicy } from '../policy/types';
import type { CheckResult, Problem } from '../types';
import { evaluateAttestedCheck } from './attested';
import { evaluateAnnotationCheck } from './checks';
import { checkPlanOf, type CheckPlan, type PlannedTier } from './checkPlan';
import { computeGate } from './gate';
import { computeMaturity } from './maturity';
import { computeReadiness } from './readiness';
import { isInScope } from './scope';
import type {
  CheckContext,
  CheckEvaluator,
  CheckOutcome,
  Evaluation,
  EvaluationInput,
} from './types';
import { applyWaiver } from './waivers';

function evaluateAutomaticCheck(
  context: CheckContext,
  builtIn: CheckEvaluator | undefined,
): CheckOutcome {
  if (builtIn) {
    return builtIn(context);
  }
  return (
    context.input.externalResults?.[context.definition.id] ??
    evaluateAnnotationCheck(context)
  );
}

function evaluateCheck(
  context: CheckContext,
  builtIn: CheckEvaluator | undefined,
  required: boolean,
  blocking: boolean,
): CheckResult {
  const { definition, input } = context;
  const attested =
    definition.kind === 'attested'
      ? evaluateAttestedCheck(definition, input.attestations, input.now)
      : undefined;
  const outcome = attested ?? evaluateAutomaticCheck(context, builtIn);
  const result: CheckResult = {
    id: definition.id,
    state: outcome.state,
    required,
    blocking,
    message: outcome.message,
    howToFix: outcome.howToFix ?? definition.howToFix,
    title: definition.title,
    area: definition.area,
    kind: definition.kind,
    rationale: definition.rationale,
    ...(attested?.attestation && { attestation: attested.attestation }),
  };
  return applyWaiver(result, input.waivers, input.now);
}

function evaluationProblems(
  input: EvaluationInput,
  policy: ReliabilityPolicy,
  plan: CheckPlan,
  requirements: PlannedTier,
): Problem[] {
  const problems: Problem[] = [];
  const profileTier = input.profile.tier;
  // The plan found no tier definition for the entity's level: it is untiered.
  if (profileTier && !requirements.tier) {
    problems.push({
      severity: 'error',
      field: ANNOTATION_TIER,
      message: `Tier ${profileTier.level} is not defined by the reliability policy; the entity is treated as untiered`,
      howToFix: `Use one of the policy's tiers: ${policy.tiers
        .map(tier => tier.level)
        .join(', ')}.`,
    });
  }
  if (input.slos.status === 'unreachable' && input.slos.problems.length === 0) {
    const location = input.slos.location ?? input.profile.sloRef;
    problems.push({
      severity: 'error',
      field: ANNOTATION_SLO_REF,
      message: `The SLO file${
        location ? ` ${location}` : ''
      } could not be read, so the checks based on SLOs are unknown`,
    });
  }
  for (const check of plan.withoutEvaluator) {
    if (input.externalResults?.[check.id]) {
      continue;
    }
    problems.push({
      severity: 'error',
      message: `The policy check "${check.id}" has no evaluator, so it is unknown`,
      howToFix:
        'Give the check an `annotation` in reliability.policy.checks, or install the backend module that evaluates it.',
    });
  }
  return problems;
}

/**
 * Evaluates one entity against the policy: every check (automatic, attested, waivers applied),
 * readiness score and verdict, maturity level, and the release-gate decision. Pure: `now` comes
 * from the input. An entity out of the policy's scope gets no checks and null results.
 */
export function evaluateEntity(
  input: EvaluationInput,
  policy: ReliabilityPolicy,
): Evaluation {
  const inputProblems = [...input.profile.problems, ...input.slos.problems];
  if (!isInScope(input.entity, policy)) {
    return {
      inScope: false,
      checks: [],
      readiness: null,
      maturity: null,
      gate: null,
      problems: inputProblems,
    };
  }

  const plan = checkPlanOf(policy);
  const requirements = plan.tier(input.profile.tier?.level);
  const tierDefinition = requirements.tier;
  const checks = plan.checks.map(({ definition, builtIn }, index) =>
    evaluateCheck(
      {
        input,
        policy,
        definition,
        tierLevel: tierDefinition?.level ?? null,
      },
      builtIn,
      requirements.requiredFlags[index],
      requirements.blockingFlags[index],
    ),
  );
  const readiness = computeReadiness(checks);
  return {
    inScope: true,
    checks,
    readiness,
    maturity: computeMaturity(
      checks,
      policy.maturityLevels,
      requirements.expectedLevel,
    ),
    gate: computeGate({
      checks,
      verdict: readiness.verdict,
      enforced: requirements.enforced,
      tierLabel: tierDefinition?.name ?? 'An untiered entity',
    }),
    problems: [
      ...inputProblems,
      ...evaluationProblems(input, policy, plan, requirements),
    ],
  };
}
