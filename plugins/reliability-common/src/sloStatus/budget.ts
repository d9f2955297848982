/**
 * The error-budget arithmetic of the contract. Every function returns null rather than a
 * number it cannot know: zero traffic is "no data", never 0 % or 100 %.
 */

/** A sum that Prometheus answered: a number, or null for no samples. NaN counts as no samples. */
export type Measured = number | null;

const known = (value: Measured): value is number =>
  value !== null && Number.isFinite(value);

/** The error ratio of bad (or good) and total events; null without traffic. Clamped to [0,1]. */
export function errorRatioOfEvents(events: {
  bad?: Measured;
  good?: Measured;
  total: Measured;
}): number | null {
  const { total } = events;
  if (!known(total) || total <= 0) {
    return null;
  }
  let bad: number;
  if (events.bad !== undefined) {
    // No error samples at all while there is traffic means no errors.
    bad = known(events.bad) ? events.bad : 0;
  } else if (known(events.good ?? null)) {
    bad = total - (events.good as number);
  } else {
    return null;
  }
  return clamp01(bad / total);
}

/** A ratio query's answer as an error ratio: null for no samples or NaN (0/0). */
export function errorRatioOfRatio(ratio: Measured): number | null {
  return known(ratio) ? clamp01(ratio) : null;
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** sli = 1 - error ratio. */
export function sliOf(errorRatio: number | null): number | null {
  return errorRatio === null ? null : 1 - errorRatio;
}

/** 1 - (1 - sli) / (1 - target): 1 untouched, 0 spent, negative when overspent. */
export function errorBudgetRemaining(
  sli: number | null,
  target: number,
): number | null {
  if (sli === null) {
    return null;
  }
  return 1 - (1 - sli) / (1 - target);
}

/** The error ratio over a window divided by the budget (1 - target). */
export function burnRate(
  errorRatio: number | null,
  target: number,
): number | null {
  return errorRatio === null ? null : errorRatio / (1 - target);
}

/**
 * The SLI of time-slice budgeting: good slices / slices with data (Timeslices), or the mean
 * of the slices' good ratios (RatioTimeslices, given as `meanErrorRatio`).
 */
export function timesliceSli(slices: {
  good?: Measured;
  total?: Measured;
  meanErrorRatio?: Measured;
}): number | null {
  if (slices.meanErrorRatio !== undefined) {
    return known(slices.meanErrorRatio)
      ? 1 - clamp01(slices.meanErrorRatio)
      : null;
  }
  const total = slices.total ?? null;
  if (!known(total) || total <= 0) {
    return null;
  }
  const good = known(slices.good ?? null) ? (slices.good as number) : 0;
  return clamp01(good / total);
}

/** Rounds to 6 significant decimals, so stored and served figures carry no float noise. */
export function roundFigure(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}
