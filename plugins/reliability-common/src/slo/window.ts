import type { OpenSloSpec } from './schemas';
import type { DocumentReporter, FieldPath } from './report';
import {
  MINUTES_PER_DAY,
  describeDuration,
  parseDuration,
  ParsedDuration,
} from './duration';

export interface SloWindow {
  /** As written, e.g. `28d`. */
  window: string;
  windowMinutes: number;
  rolling: boolean;
}

const DURATION_HOW_TO_FIX =
  'Write a whole number and a unit: m (minute), h, d, w, M (month), Q or Y, e.g. 28d or 1M. Units are case-sensitive.';

/** Parses a duration field, reporting a missing or malformed one. */
export function readDuration(
  value: string | number | undefined,
  path: FieldPath,
  reporter: DocumentReporter,
  severity: 'error' | 'warning' = 'error',
): ParsedDuration | null {
  const report = (text: string) =>
    severity === 'error'
      ? reporter.error(path, text, DURATION_HOW_TO_FIX)
      : reporter.warning(path, text, DURATION_HOW_TO_FIX);
  if (value === undefined) {
    report('missing');
    return null;
  }
  const parsed = parseDuration(String(value));
  if (!parsed) {
    report(`"${value}" is not a duration such as 28d or 1M`);
  }
  return parsed;
}

/**
 * The window of an OpenSLO SLO without `timeWindow`: the field is optional in the
 * specification, which sets no default, and 28 days rolling is what its examples and the
 * suite's own examples use.
 */
export const OPENSLO_DEFAULT_WINDOW = '28d';

/**
 * Reads OpenSLO `spec.timeWindow` (exactly one element). A missing one is the default window
 * (28 days, rolling), with a warning. Null when the window is invalid: the SLO's budget
 * cannot be computed, so the SLO is invalid. A window shorter than a day is suspicious
 * (`1m` is a minute, `1M` a month) but still counts.
 */
export function readOpenSloTimeWindow(
  timeWindow: OpenSloSpec['timeWindow'],
  reporter: DocumentReporter,
): SloWindow | null {
  const path = ['spec', 'timeWindow'];
  if (!timeWindow || timeWindow.length === 0) {
    reporter.warning(
      path,
      `missing; the SLO is read with a ${OPENSLO_DEFAULT_WINDOW} rolling window, the suite's default (the OpenSLO specification makes timeWindow optional and sets no default)`,
      `Add \`timeWindow: [{ duration: ${OPENSLO_DEFAULT_WINDOW}, isRolling: true }]\` (or your window) to spec so every tool reads the same budget.`,
    );
    return {
      window: OPENSLO_DEFAULT_WINDOW,
      windowMinutes: parseDuration(OPENSLO_DEFAULT_WINDOW)!.minutes,
      rolling: true,
    };
  }
  if (timeWindow.length !== 1) {
    reporter.error(
      path,
      `must have exactly one element, it has ${timeWindow.length}`,
      'Keep a single `{ duration, isRolling }` entry (or one with `calendar`).',
    );
    return null;
  }
  const [entry] = timeWindow;
  const durationPath = [...path, 0, 'duration'];
  const duration = readDuration(entry.duration, durationPath, reporter);
  if (!duration) {
    return null;
  }
  warnIfShorterThanADay(
    entry.duration as string,
    duration,
    durationPath,
    reporter,
  );

  const { calendar, isRolling } = entry;
  if (calendar) {
    if (!calendar.startTime || !calendar.timeZone) {
      reporter.warning(
        [...path, 0, 'calendar'],
        'a calendar window needs both startTime and timeZone',
        'Add `startTime: "2024-01-01 00:00:00"` and `timeZone: UTC` (or your time zone) to calendar.',
      );
    }
    if (isRolling === true) {
      reporter.warning(
        [...path, 0, 'isRolling'],
        'is true but a calendar is set; the window is treated as calendar-aligned',
        'Set isRolling: false for a calendar window, or remove calendar for a rolling one.',
      );
    }
  } else if (isRolling === false) {
    reporter.warning(
      [...path, 0, 'calendar'],
      'missing: isRolling is false, and a calendar-aligned window needs a calendar',
      'Add `calendar: { startTime: "2024-01-01 00:00:00", timeZone: UTC }`, or set isRolling: true.',
    );
  }
  return {
    window: entry.duration as string,
    windowMinutes: duration.minutes,
    rolling: calendar ? false : isRolling !== false,
  };
}

export function warnIfShorterThanADay(
  written: string,
  duration: ParsedDuration,
  path: FieldPath,
  reporter: DocumentReporter,
): void {
  if (duration.minutes >= MINUTES_PER_DAY) {
    return;
  }
  if (duration.unit === 'm') {
    const months = parseDuration(`${duration.amount}M`)!;
    reporter.warning(
      path,
      `${written} is ${describeDuration(duration)}; did you mean ${
        duration.amount
      }M (${describeDuration(months)})?`,
      `Units are case-sensitive: m is a minute, M a month. Write ${
        duration.amount
      }M for ${describeDuration(months)}, or a day-based window such as 28d.`,
    );
    return;
  }
  reporter.warning(
    path,
    `${written} is ${describeDuration(
      duration,
    )}, shorter than a day; SLO windows are usually 28d or 30d`,
    'Use a window of days, weeks or months, e.g. 28d.',
  );
}
