/** What the template gives a new service of each tier: its SLO targets. */
export interface TierSloDefaults {
  /** Availability target, a ratio in (0,1). */
  availability: number;
  /** Latency target (share of requests under `latencyThresholdMs`); null: no latency SLO. */
  latency: number | null;
  latencyThresholdMs: number;
  window: string;
}

/**
 * The suite's SLO defaults per tier: the more critical the tier, the tighter the target.
 * Every tier gets burn-rate alerting, which tier 0 requires and the others benefit from.
 */
export const TIER_SLO_DEFAULTS: Record<number, TierSloDefaults> = {
  0: {
    availability: 0.9995,
    latency: 0.99,
    latencyThresholdMs: 300,
    window: '28d',
  },
  1: {
    availability: 0.999,
    latency: 0.99,
    latencyThresholdMs: 500,
    window: '28d',
  },
  2: {
    availability: 0.995,
    latency: null,
    latencyThresholdMs: 1000,
    window: '28d',
  },
  3: {
    availability: 0.99,
    latency: null,
    latencyThresholdMs: 2000,
    window: '28d',
  },
};

export function tierSloDefaults(tier: number): TierSloDefaults {
  const defaults = TIER_SLO_DEFAULTS[tier];
  if (!defaults) {
    throw new Error(`Unknown tier ${tier}: use 0, 1, 2 or 3`);
  }
  return defaults;
}
