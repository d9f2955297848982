import type { TargetStatus } from '@reliability-suite/plugin-reliability-common';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One day of history: the share meeting the measure, in [0,1]. */
export interface SharePoint {
  /** YYYY-MM-DD */
  day: string;
  share: number;
}

export interface LinearTrend {
  /** Share per day. */
  slope: number;
  /** Share at day 0 (the Unix epoch day). */
  intercept: number;
}

export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/**
 * Least-squares line through the points (x = day number). Null with fewer than two distinct
 * days: a single point has no direction.
 */
export function linearTrend(points: SharePoint[]): LinearTrend | null {
  const xs = points.map(point => dayNumber(point.day));
  if (new Set(xs).size < 2) {
    return null;
  }
  const n = points.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.share, 0) / n;
  let covariance = 0;
  let variance = 0;
  points.forEach((point, index) => {
    covariance += (xs[index] - meanX) * (point.share - meanY);
    variance += (xs[index] - meanX) ** 2;
  });
  const slope = covariance / variance;
  return { slope, intercept: meanY - slope * meanX };
}

export interface TargetEvaluation {
  status: TargetStatus;
  projected: number | null;
  explanation: string;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/**
 * Status of a target `share >= target by <by>`:
 * - `met` when the current share reaches the target;
 * - otherwise, past the deadline, `off-track`;
 * - otherwise the linear trend of the history is projected to the deadline: `on-track` when the
 *   projection reaches the target, `off-track` when it does not;
 * - `no-trend` when there is not enough history to draw a trend: calling that off track would
 *   contradict the explanation, which says nothing can be projected.
 */
export function evaluateTarget(options: {
  target: number;
  by: string;
  current: number;
  history: SharePoint[];
  today: string;
}): TargetEvaluation {
  const { target, by, current, history, today } = options;
  if (current >= target) {
    return {
      status: 'met',
      projected: current,
      explanation: `${percent(current)} reaches the target of ${percent(
        target,
      )}.`,
    };
  }
  if (dayNumber(today) > dayNumber(by)) {
    return {
      status: 'off-track',
      projected: null,
      explanation: `The deadline ${by} has passed at ${percent(
        current,
      )} of ${percent(target)}.`,
    };
  }
  const trend = linearTrend(history);
  if (!trend) {
    return {
      status: 'no-trend',
      projected: null,
      explanation: `Not met (${percent(current)} of ${percent(
        target,
      )}) and not enough daily history to project a trend.`,
    };
  }
  const raw = trend.intercept + trend.slope * dayNumber(by);
  const projected = Math.min(1, Math.max(0, raw));
  const onTrack = projected >= target;
  return {
    status: onTrack ? 'on-track' : 'off-track',
    projected,
    explanation: `At the current trend (${trend.slope >= 0 ? '+' : ''}${percent(
      trend.slope * 30,
    )} per 30 days) the share reaches ${percent(
      projected,
    )} by ${by}; the target is ${percent(target)}.`,
  };
}
