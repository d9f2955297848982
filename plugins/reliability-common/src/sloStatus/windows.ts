import type { BurnRateWindow, NormalizedSlo } from '../types';
import { parseDuration } from '../slo/duration';

/** The burn-rate windows of every status, shortest first. */
export const BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
];

const SECONDS: Record<BurnRateWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};

export function burnWindowSeconds(window: BurnRateWindow): number {
  return SECONDS[window];
}

/** Seconds as a PromQL duration in its largest exact unit: 3600 → `1h`, 90 → `90s`. */
export function promDuration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (whole % size === 0) {
      return `${whole / size}${unit}`;
    }
  }
  return `${whole}s`;
}

/** The SLO window a measurement covers: its start, its end (the measurement time) and length. */
export interface MeasuredWindow {
  start: Date;
  end: Date;
  seconds: number;
}

/** The shortest window worth asking about: a calendar period that began a moment ago. */
const MIN_WINDOW_SECONDS = 60;

/**
 * The start of the calendar period (UTC) that contains `now`, for a calendar window written
 * with unit h, d, w (weeks start on Monday), M, Q or Y. Multi-unit periods (`2w`) start at the
 * start of the current unit: their alignment is not in the file.
 */
export function calendarPeriodStart(unit: string, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  switch (unit) {
    case 'Y':
      return new Date(Date.UTC(y, 0, 1));
    case 'Q':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'M':
      return new Date(Date.UTC(y, m, 1));
    case 'w': {
      const sinceMonday = (now.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(y, m, d - sinceMonday));
    }
    case 'd':
      return new Date(Date.UTC(y, m, d));
    default:
      return new Date(Date.UTC(y, m, d, now.getUTCHours()));
  }
}

/**
 * The window an SLO is measured over at `now`: the last `windowMinutes` for a rolling window,
 * the current calendar period so far for a calendar one. Null when the window is unknown.
 */
export function measuredWindow(
  slo: Pick<NormalizedSlo, 'window' | 'windowMinutes' | 'rolling'>,
  now: Date,
): MeasuredWindow | null {
  if (slo.windowMinutes === null) {
    return null;
  }
  const duration = parseDuration(slo.window);
  if (slo.rolling === false && duration) {
    const start = calendarPeriodStart(duration.unit, now);
    const seconds = Math.max(
      MIN_WINDOW_SECONDS,
      Math.floor((now.getTime() - start.getTime()) / 1000),
    );
    return { start, end: now, seconds };
  }
  const seconds = slo.windowMinutes * 60;
  return { start: new Date(now.getTime() - seconds * 1000), end: now, seconds };
}
