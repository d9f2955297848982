/**
 * OpenSLO/Sloth durations: an integer and a case-sensitive unit. `m` is a minute and `M`
 * a month, which is the most common mistake in SLO files, so units are never folded.
 */
const MINUTES_PER_UNIT = {
  m: 1,
  h: 60,
  d: 60 * 24,
  w: 60 * 24 * 7,
  // Calendar units use fixed lengths for budget math, as the contract says.
  M: 60 * 24 * 30,
  Q: 60 * 24 * 90,
  Y: 60 * 24 * 365,
} as const;

export type DurationUnit = keyof typeof MINUTES_PER_UNIT;

const UNIT_NAMES: Record<DurationUnit, [string, string]> = {
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  M: ['month', 'months'],
  Q: ['quarter', 'quarters'],
  Y: ['year', 'years'],
};

export interface ParsedDuration {
  amount: number;
  unit: DurationUnit;
  minutes: number;
}

const DURATION_PATTERN = /^([1-9]\d*)(m|h|d|w|M|Q|Y)$/;

/** Parses `28d`, `1M`, `4w` ...; null for anything else (including `0d` and `30 days`). */
export function parseDuration(text: string): ParsedDuration | null {
  const match = DURATION_PATTERN.exec(text);
  if (!match) {
    return null;
  }
  const amount = Number(match[1]);
  const unit = match[2] as DurationUnit;
  return { amount, unit, minutes: amount * MINUTES_PER_UNIT[unit] };
}

/** `5m` → `5 minutes`, `1M` → `one month`. */
export function describeDuration(duration: ParsedDuration): string {
  const [singular, plural] = UNIT_NAMES[duration.unit];
  return duration.amount === 1
    ? `one ${singular}`
    : `${duration.amount} ${plural}`;
}

export const MINUTES_PER_DAY = MINUTES_PER_UNIT.d;
