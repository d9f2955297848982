import type {
  EntityProfile,
  Evaluation,
  OnCallLive,
  ReliabilityReport,
  SloLoadResult,
} from '@reliability-suite/plugin-reliability-common';

/**
 * Assembles the report of contract section 3 from the evaluation's parts. `evaluatedAt`
 * is the last key on purpose: the stored JSON is built by appending it to the rest.
 */
export function buildReport(input: {
  entityRef: string;
  profile: EntityProfile;
  slos: SloLoadResult;
  evaluation: Evaluation;
  evaluatedAt: string;
  /** The contract's `oncall.live`: null when nothing can be asked. */
  oncallLive?: OnCallLive | null;
}): ReliabilityReport {
  const { entityRef, profile, slos, evaluation, evaluatedAt } = input;
  return {
    entityRef,
    inScope: evaluation.inScope,
    tier: profile.tier,
    slos: slos.slos,
    oncall: profile.oncall && {
      ...profile.oncall,
      live: input.oncallLive ?? null,
    },
    runbooks: profile.runbooks,
    dashboards: profile.dashboards,
    runbooksReviewed: profile.runbooksReviewed,
    readiness: evaluation.readiness,
    maturity: evaluation.maturity,
    gate: evaluation.gate,
    problems: evaluation.problems,
    evaluatedAt,
  };
}
