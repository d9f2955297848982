import type {
  EntityProfile,
  Evaluation,
  OnCallLive,
  ReliabilityReport,
  SloLoadResult,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';

/**
 * Assembles the report from the evaluation's parts. `evaluatedAt`
 * is the last key on purpose: the stored JSON is built by appending it to the rest.
 */
export function buildReport(input: {
  entityRef: string;
  profile: EntityProfile;
  slos: SloLoadResult;
  /** Latest live statuses by SLO name; undefined when no Prometheus is configured. */
  sloStatuses?: ReadonlyMap<string, SloStatus>;
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
    // null until the first measurement, and always without Prometheus.
    slos: slos.slos.map(slo => ({
      ...slo,
      status: input.sloStatuses?.get(slo.name) ?? null,
    })),
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
