import type { BurnRateWindow, NormalizedSlo, SloStatus } from '../types';
import { firingAlerts, measuredState, type AlertPair } from './alerts';
import {
  burnRate,
  errorBudgetRemaining,
  errorRatioOfEvents,
  errorRatioOfRatio,
  roundFigure,
  sliOf,
  timesliceSli,
  type Measured,
} from './budget';
import {
  planSloQueries,
  timeSlicePlan,
  type PlannedQuery,
  type QueryScope,
} from './queries';
import { BURN_RATE_WINDOWS, measuredWindow } from './windows';

/** The answers of a plan's queries by key: a number, or null when there were no samples. */
export type QueryAnswers = ReadonlyMap<string, Measured>;

export type MeasurementPlan =
  | { kind: 'not-measured'; reason: string }
  | { kind: 'queries'; queries: PlannedQuery[]; windowSeconds: number };

/** What to ask Prometheus for one SLO at `now`, or why nothing can be asked. */
export function planMeasurement(
  slo: NormalizedSlo,
  now: Date,
): MeasurementPlan {
  const measurement = slo.measurement;
  if (!measurement) {
    return {
      kind: 'not-measured',
      reason: 'the SLO file gives no query to measure it',
    };
  }
  if (measurement.type === 'not-measured') {
    return { kind: 'not-measured', reason: measurement.reason };
  }
  const window = measuredWindow(slo, now);
  if (!window) {
    return {
      kind: 'not-measured',
      reason: `the window "${slo.window}" has no length to measure over`,
    };
  }
  const slices = timeSlicePlan(slo);
  if (slices?.method === 'Timeslices' && slices.target === null) {
    return {
      kind: 'not-measured',
      reason:
        'Timeslices budgeting needs timeSliceTarget to tell a good slice from a bad one',
    };
  }
  return {
    kind: 'queries',
    queries: planSloQueries(measurement, window.seconds, slices),
    windowSeconds: window.seconds,
  };
}

function errorRatioIn(answers: QueryAnswers, scope: QueryScope): number | null {
  if (answers.has(`${scope}:ratio`)) {
    return errorRatioOfRatio(answers.get(`${scope}:ratio`) ?? null);
  }
  return errorRatioOfEvents({
    ...(answers.has(`${scope}:bad`) && {
      bad: answers.get(`${scope}:bad`) ?? null,
    }),
    ...(answers.has(`${scope}:good`) && {
      good: answers.get(`${scope}:good`) ?? null,
    }),
    total: answers.get(`${scope}:total`) ?? null,
  });
}

function sloWindowSli(answers: QueryAnswers): number | null {
  if (answers.has('slo:meanSliceRatio')) {
    return timesliceSli({
      meanErrorRatio: answers.get('slo:meanSliceRatio') ?? null,
    });
  }
  if (answers.has('slo:slices')) {
    return timesliceSli({
      good: answers.get('slo:goodSlices') ?? null,
      total: answers.get('slo:slices') ?? null,
    });
  }
  return sliOf(errorRatioIn(answers, 'slo'));
}

/** The status of a measured SLO from the answers to its plan's queries. */
export function statusFromAnswers(
  slo: Pick<NormalizedSlo, 'target'>,
  answers: QueryAnswers,
  options: { measuredAt: Date; pairs?: readonly AlertPair[] },
): SloStatus {
  const sli = sloWindowSli(answers);
  const burnRates: Partial<Record<BurnRateWindow, number | null>> = {};
  for (const window of BURN_RATE_WINDOWS) {
    burnRates[window] = roundFigure(
      burnRate(errorRatioIn(answers, window), slo.target),
    );
  }
  const remaining = errorBudgetRemaining(sli, slo.target);
  const alerts = sli === null ? [] : firingAlerts(burnRates, options.pairs);
  const state = measuredState(remaining, alerts);
  return {
    state,
    sli: roundFigure(sli),
    errorBudgetRemaining: roundFigure(remaining),
    burnRates,
    alerts,
    reason:
      state === 'no-data'
        ? 'Prometheus has no samples or no traffic over the SLO window'
        : null,
    measuredAt: options.measuredAt.toISOString(),
  };
}

/** A status without figures: not-measured or unavailable, with the reason. */
export function statusWithoutFigures(
  state: 'not-measured' | 'unavailable' | 'no-data',
  reason: string,
  measuredAt: Date,
): SloStatus {
  return {
    state,
    sli: null,
    errorBudgetRemaining: null,
    burnRates: {},
    alerts: [],
    reason,
    measuredAt: measuredAt.toISOString(),
  };
}

/** `since`: kept from the previous status while the state holds, else this measurement. */
export function withSince(
  status: SloStatus,
  previous: SloStatus | null | undefined,
): SloStatus {
  const since =
    previous && previous.state === status.state
      ? previous.since ?? previous.measuredAt
      : status.measuredAt;
  return { ...status, since };
}

/** The error ratio over one window as a PromQL expression, from a plan's queries. */
export function errorRatioExpr(
  queries: readonly PlannedQuery[],
  scope: QueryScope,
): string | undefined {
  const expr = (part: string) =>
    queries.find(query => query.key === `${scope}:${part}`)?.expr;
  const ratio = expr('ratio');
  if (ratio) {
    return ratio;
  }
  const total = expr('total');
  const bad = expr('bad');
  const good = expr('good');
  if (!total || (!bad && !good)) {
    return undefined;
  }
  return bad ? `(${bad}) / (${total})` : `1 - (${good}) / (${total})`;
}

/** A link to a Prometheus graph page drawing `expr` over the last day. */
export function prometheusGraphUrl(baseUrl: string, expr: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/graph?g0.expr=${encodeURIComponent(
    expr,
  )}&g0.tab=0&g0.range_input=1d`;
}
