import type { SliKind } from '../types';

export const SLI_KINDS: readonly SliKind[] = [
  'availability',
  'latency',
  'error-rate',
  'correctness',
  'durability',
  'freshness',
  'throughput',
  'other',
];

export function isSliKind(value: unknown): value is SliKind {
  return typeof value === 'string' && SLI_KINDS.includes(value as SliKind);
}

/**
 * Checked in this order; the first match wins. The short keywords `lag` and `rps` must stand
 * alone (between non-letters) so that `feature-flags` or `corpse` do not match.
 */
const KEYWORDS: ReadonlyArray<[RegExp, SliKind]> = [
  [/availability|uptime/, 'availability'],
  [/latency|duration|p99|p95/, 'latency'],
  [/error/, 'error-rate'],
  [/correct/, 'correctness'],
  [/durab/, 'durability'],
  [/fresh|(?:^|[^a-z])lag(?:[^a-z]|$)|staleness/, 'freshness'],
  [/throughput|(?:^|[^a-z])rps(?:[^a-z]|$)/, 'throughput'],
];

/**
 * Infers the SLI kind from free texts (names, descriptions, display names), in keyword
 * order; `fallback` when nothing matches (`latency` for OpenSLO threshold metrics).
 */
export function inferSliKind(
  texts: Array<string | undefined>,
  fallback: SliKind = 'other',
): SliKind {
  const haystack = texts
    .filter((text): text is string => typeof text === 'string')
    .join(' ')
    .toLowerCase();
  for (const [pattern, kind] of KEYWORDS) {
    if (pattern.test(haystack)) {
      return kind;
    }
  }
  return fallback;
}

/** Label/annotation keys that state the SLI kind explicitly, in precedence order. */
export const EXPLICIT_SLI_KEYS = [
  'reliability/sli',
  'sli',
  'sli-kind',
] as const;
