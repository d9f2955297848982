import type { BurnRateWindow, NormalizedSlo, SliMeasurement } from '../types';
import { parseDuration } from '../slo/duration';
import { BURN_RATE_WINDOWS, burnWindowSeconds, promDuration } from './windows';

/** Sloth's placeholder, with or without spaces inside the braces. */
const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;

/** A query written with `{{.window}}` answers for the window it is given. */
export function isWindowedQuery(query: string): boolean {
  return new RegExp(WINDOW_PLACEHOLDER.source).test(query);
}

/** Replaces every `{{.window}}` by the window asked for. */
export function templateWindow(query: string, window: string): string {
  return query.replace(WINDOW_PLACEHOLDER, window);
}

/**
 * The resolution of the subquery that integrates a rate series over a window: one point a
 * minute up to ~33 hours, coarser beyond so a 30-day window stays near 2,000 points.
 */
export function subqueryStep(windowSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(windowSeconds / 2000 / 60));
  return promDuration(minutes * 60);
}

/**
 * One events query as a single number over a window: a windowed query summed as it is, a
 * rate series integrated as `sum_over_time((Q)[W:step])` (the step cancels out in every ratio).
 */
export function countOverWindow(query: string, windowSeconds: number): string {
  const window = promDuration(windowSeconds);
  if (isWindowedQuery(query)) {
    return `sum(${templateWindow(query, window)})`;
  }
  return `sum(sum_over_time((${query})[${window}:${subqueryStep(
    windowSeconds,
  )}]))`;
}

/** An error-ratio query as a single number over a window (the mean of a ratio series). */
export function ratioOverWindow(query: string, windowSeconds: number): string {
  const window = promDuration(windowSeconds);
  if (isWindowedQuery(query)) {
    return `avg(${templateWindow(query, window)})`;
  }
  return `avg(avg_over_time((${query})[${window}:${subqueryStep(
    windowSeconds,
  )}]))`;
}

/** The scope of a query: the SLO window, or one burn-rate window. */
export type QueryScope = 'slo' | BurnRateWindow;

/** What one query answers. */
export type QueryPart =
  | 'bad'
  | 'good'
  | 'total'
  | 'ratio'
  | 'goodSlices'
  | 'slices'
  | 'meanSliceRatio';

export interface PlannedQuery {
  /** `<scope>:<part>`, e.g. `1h:bad`. */
  key: string;
  expr: string;
}

type Measurable = Exclude<SliMeasurement, { type: 'not-measured' }>;

function partsOver(
  measurement: Measurable,
  scope: QueryScope,
  seconds: number,
): PlannedQuery[] {
  if (measurement.type === 'ratio') {
    return [
      {
        key: `${scope}:ratio`,
        expr: ratioOverWindow(measurement.errorRatio, seconds),
      },
    ];
  }
  const queries: PlannedQuery[] = [];
  if (measurement.bad !== undefined) {
    queries.push({
      key: `${scope}:bad`,
      expr: countOverWindow(measurement.bad, seconds),
    });
  } else if (measurement.good !== undefined) {
    queries.push({
      key: `${scope}:good`,
      expr: countOverWindow(measurement.good, seconds),
    });
  }
  queries.push({
    key: `${scope}:total`,
    expr: countOverWindow(measurement.total, seconds),
  });
  return queries;
}

/** The error ratio of one time slice, dropping slices without traffic (0/0 is NaN). */
export function sliceErrorRatio(
  measurement: Measurable,
  sliceSeconds: number,
): string {
  if (measurement.type === 'ratio') {
    return `(${ratioOverWindow(measurement.errorRatio, sliceSeconds)}) >= 0`;
  }
  const total = countOverWindow(measurement.total, sliceSeconds);
  const ratio =
    measurement.bad !== undefined
      ? `(${countOverWindow(measurement.bad, sliceSeconds)}) / (${total})`
      : `1 - (${countOverWindow(
          measurement.good!,
          sliceSeconds,
        )}) / (${total})`;
  return `(${ratio}) >= 0`;
}

export interface TimeSlicePlan {
  method: 'Timeslices' | 'RatioTimeslices';
  sliceSeconds: number;
  /** Timeslices: the share of good events that makes a slice good. */
  target: number | null;
}

/** The time-slice budgeting of an SLO, or null for Occurrences (or an unreadable slice). */
export function timeSlicePlan(
  slo: Pick<NormalizedSlo, 'budgetingMethod' | 'timeSlices'>,
): TimeSlicePlan | null {
  const method = slo.budgetingMethod;
  if (method !== 'Timeslices' && method !== 'RatioTimeslices') {
    return null;
  }
  const slice = slo.timeSlices && parseDuration(slo.timeSlices.window);
  if (!slice) {
    return null;
  }
  return {
    method,
    sliceSeconds: slice.minutes * 60,
    target: slo.timeSlices?.target ?? null,
  };
}

function slicesOver(
  measurement: Measurable,
  plan: TimeSlicePlan,
  windowSeconds: number,
): PlannedQuery[] {
  const slice = sliceErrorRatio(measurement, plan.sliceSeconds);
  const range = `[${promDuration(windowSeconds)}:${promDuration(
    plan.sliceSeconds,
  )}]`;
  if (plan.method === 'RatioTimeslices') {
    return [
      {
        key: 'slo:meanSliceRatio',
        expr: `avg_over_time((${slice})${range})`,
      },
    ];
  }
  // Rounded so the query carries 0.05, not 0.050000000000000044.
  const maxErrorRatio = Math.round((1 - (plan.target ?? 1)) * 1e10) / 1e10;
  return [
    {
      key: 'slo:goodSlices',
      expr: `sum_over_time(((${slice}) <= bool ${maxErrorRatio})${range})`,
    },
    { key: 'slo:slices', expr: `count_over_time((${slice})${range})` },
  ];
}

/**
 * Every instant query one measurement of an SLO needs: the SLO window (events, or slices for
 * time-slice budgeting) and each burn-rate window.
 */
export function planSloQueries(
  measurement: Measurable,
  windowSeconds: number,
  slices: TimeSlicePlan | null,
): PlannedQuery[] {
  return [
    ...(slices
      ? slicesOver(measurement, slices, windowSeconds)
      : partsOver(measurement, 'slo', windowSeconds)),
    ...BURN_RATE_WINDOWS.flatMap(window =>
      partsOver(measurement, window, burnWindowSeconds(window)),
    ),
  ];
}
