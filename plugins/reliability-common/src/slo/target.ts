import type { DocumentReporter, FieldPath } from './report';
import { round10 } from './normalize';

const TARGET_HOW_TO_FIX =
  'Set target to a ratio between 0 and 1 (0.999 for 99.9 %), or targetPercent to a percentage between 0 and 100 (99.9).';

/** Formats a number without float noise, e.g. 0.999 rather than 0.9990000000000001. */
function show(value: number): string {
  return String(round10(value));
}

/**
 * Reads an OpenSLO objective's `target` (ratio) or `targetPercent`, reporting every way it
 * can be wrong. Null when the objective has no usable target (it is then invalid).
 */
export function readOpenSloTarget(
  objective: { target?: number; targetPercent?: number },
  path: FieldPath,
  reporter: DocumentReporter,
): number | null {
  const { target, targetPercent } = objective;
  if (target === undefined && targetPercent === undefined) {
    reporter.error(
      [...path, 'target'],
      'missing: the objective has neither target nor targetPercent',
      TARGET_HOW_TO_FIX,
    );
    return null;
  }
  if (target !== undefined) {
    if (target > 1 && target < 100) {
      reporter.error(
        [...path, 'target'],
        `${show(target)} looks like a percentage: use targetPercent: ${show(
          target,
        )} or target: ${show(target / 100)}`,
        `target is a ratio in (0,1). Write target: ${show(
          target / 100,
        )} or targetPercent: ${show(target)}.`,
      );
      return null;
    }
    if (target >= 1 || target <= 0) {
      reporter.error(
        [...path, 'target'],
        `${show(
          target,
        )} is outside (0,1): a target must be above 0 and below 1`,
        TARGET_HOW_TO_FIX,
      );
      return null;
    }
    if (
      targetPercent !== undefined &&
      round10(targetPercent / 100) !== round10(target)
    ) {
      reporter.warning(
        [...path, 'targetPercent'],
        `${show(targetPercent)} disagrees with target ${show(
          target,
        )}; target is used`,
        'Keep only one of target and targetPercent.',
      );
    }
    return round10(target);
  }
  const percent = targetPercent as number;
  if (percent >= 100 || percent <= 0) {
    reporter.error(
      [...path, 'targetPercent'],
      `${show(
        percent,
      )} is outside (0,100): a percentage target must be above 0 and below 100`,
      TARGET_HOW_TO_FIX,
    );
    return null;
  }
  warnIfRatioWrittenAsPercent(percent, [...path, 'targetPercent'], reporter);
  return round10(percent / 100);
}

/** Reads a Sloth `objective` (a percentage). Null when it is missing or out of range. */
export function readSlothObjective(
  objective: number | undefined,
  path: FieldPath,
  reporter: DocumentReporter,
): number | null {
  if (objective === undefined) {
    reporter.error(
      [...path, 'objective'],
      'missing: every Sloth SLO needs an objective',
      'Set objective to a percentage between 0 and 100, e.g. objective: 99.9.',
    );
    return null;
  }
  if (objective >= 100 || objective <= 0) {
    reporter.error(
      [...path, 'objective'],
      `${show(
        objective,
      )} is outside (0,100): Sloth objectives are percentages above 0 and below 100`,
      'Set objective to a percentage between 0 and 100, e.g. objective: 99.9.',
    );
    return null;
  }
  warnIfRatioWrittenAsPercent(objective, [...path, 'objective'], reporter);
  return round10(objective / 100);
}

function warnIfRatioWrittenAsPercent(
  percent: number,
  path: FieldPath,
  reporter: DocumentReporter,
): void {
  if (percent <= 1) {
    reporter.warning(
      path,
      `${show(percent)} is a percentage, i.e. ${show(
        percent,
      )} %; did you mean ${show(percent * 100)}?`,
      `Percentages are written like 99.9; write ${show(
        percent * 100,
      )} if you meant ${show(percent * 100)} %.`,
    );
  }
}
