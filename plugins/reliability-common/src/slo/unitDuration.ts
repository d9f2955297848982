import type { DocumentReporter, FieldPath } from './report';
import type { DurationUnit } from './duration';

/** Window units of OpenSLO v1alpha and Nobl9 `timeWindows`, as duration shorthand units. */
const UNITS: Record<string, DurationUnit> = {
  Minute: 'm',
  Hour: 'h',
  Day: 'd',
  Week: 'w',
  Month: 'M',
  Quarter: 'Q',
  Year: 'Y',
};

/**
 * `{ unit: Day, count: 28 }` → `28d`; null (reported at the field) when the unit or count
 * is missing or invalid.
 */
export function unitDuration(
  unit: unknown,
  count: unknown,
  path: FieldPath,
  reporter: DocumentReporter,
): string | null {
  const howToFix = `Write unit as one of ${Object.keys(UNITS).join(
    ', ',
  )} and count as a whole number above 0, e.g. \`unit: Day\` and \`count: 28\`.`;
  const shorthand = typeof unit === 'string' ? UNITS[unit] : undefined;
  if (!shorthand) {
    reporter.error(
      [...path, 'unit'],
      unit === undefined ? 'missing' : `"${String(unit)}" is not a window unit`,
      howToFix,
    );
  }
  const validCount =
    typeof count === 'number' && Number.isInteger(count) && count > 0;
  if (!validCount) {
    reporter.error(
      [...path, 'count'],
      count === undefined
        ? 'missing'
        : `${JSON.stringify(count)} is not a whole number above 0`,
      howToFix,
    );
  }
  return shorthand && validCount ? `${count}${shorthand}` : null;
}
