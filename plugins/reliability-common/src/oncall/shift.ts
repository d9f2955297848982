const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * A rotation's shift length (`12h`, `1d`, `1w`, ...) in wall-clock milliseconds, or undefined
 * when it is not a positive whole number of hours, days or weeks. Every shift is added in
 * local wall-clock time (see rotation.ts), so `1d` is a calendar day, 23 or 25 hours long on
 * the nights the clocks change.
 */
export function parseShift(text: string): number | undefined {
  const match = /^([1-9]\d{0,4})([hdw])$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
