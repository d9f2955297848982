import type { Config } from '@backstage/config';
import {
  DEFAULT_ALERT_PAIRS,
  type AlertPair,
} from '@reliability-suite/plugin-reliability-common';
import { z } from 'zod';

/** One Prometheus-compatible query API (Prometheus, Thanos, Mimir, VictoriaMetrics). */
export interface PrometheusInstance {
  name: string;
  baseUrl: string;
  default: boolean;
  headers: Record<string, string>;
}

/** `reliability.prometheus`, validated, with defaults filled in. */
export interface PrometheusSettings {
  instances: PrometheusInstance[];
  /** How often every SLO is measured (the scheduled task). */
  frequencyMinutes: number;
  /** A query slower than this fails its SLOs as unavailable. */
  timeoutMs: number;
  /** Requests in flight per instance. */
  concurrency: number;
  /** Instant queries joined into one request. */
  batchSize: number;
  alertPairs: readonly AlertPair[];
}

const BURN_WINDOW = z.enum(['5m', '30m', '1h', '2h', '6h', '1d', '3d']);

const schema = z.strictObject({
  instances: z
    .array(
      z.strictObject({
        name: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a simple name'),
        baseUrl: z
          .string()
          .refine(
            value => /^https?:\/\/[^/\s]+/.test(value),
            'must be an http(s) URL',
          ),
        default: z.boolean().optional(),
        headers: z.record(z.string(), z.string()).optional(),
      }),
    )
    .min(1, 'must list at least one instance'),
  frequency: z.strictObject({ minutes: z.number().positive() }).optional(),
  timeout: z.strictObject({ seconds: z.number().positive() }).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  batchSize: z.number().int().min(1).max(500).optional(),
  alerts: z
    .array(
      z.strictObject({
        severity: z.enum(['page', 'ticket']),
        longWindow: BURN_WINDOW,
        shortWindow: BURN_WINDOW,
        threshold: z.number().positive(),
      }),
    )
    .optional(),
});

/** A `reliability.prometheus` key that is not valid; start-up stops with its message. */
export class PrometheusConfigError extends Error {
  readonly name = 'PrometheusConfigError';
}

const KEY = 'reliability.prometheus';

function keyOf(path: PropertyKey[]): string {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${String(part)}`,
    KEY,
  );
}

/**
 * Reads `reliability.prometheus`; undefined when it is not configured (the suite then
 * measures nothing and the live-status checks are not-applicable). Throws a
 * PrometheusConfigError naming the key that is wrong.
 */
export function readPrometheusSettings(
  config: Config,
): PrometheusSettings | undefined {
  if (!config.has(KEY)) {
    return undefined;
  }
  const parsed = schema.safeParse(config.get(KEY));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PrometheusConfigError(
      `Invalid ${keyOf(issue.path)}: ${issue.message}`,
    );
  }
  const { instances } = parsed.data;
  const seen = new Set<string>();
  instances.forEach((instance, index) => {
    if (seen.has(instance.name)) {
      throw new PrometheusConfigError(
        `Invalid ${KEY}.instances[${index}].name: "${instance.name}" is used by an earlier instance`,
      );
    }
    seen.add(instance.name);
  });
  const defaults = instances.filter(instance => instance.default);
  if (defaults.length > 1) {
    throw new PrometheusConfigError(
      `Invalid ${KEY}.instances[${instances.lastIndexOf(
        defaults[1],
      )}].default: only one instance may be the default`,
    );
  }
  return {
    instances: instances.map(instance => ({
      name: instance.name,
      baseUrl: instance.baseUrl.replace(/\/+$/, ''),
      // A single instance serves every entity without having to say so.
      default: instance.default === true || instances.length === 1,
      headers: instance.headers ?? {},
    })),
    frequencyMinutes: parsed.data.frequency?.minutes ?? 5,
    timeoutMs: (parsed.data.timeout?.seconds ?? 30) * 1000,
    concurrency: parsed.data.concurrency ?? 4,
    batchSize: parsed.data.batchSize ?? 50,
    alertPairs: parsed.data.alerts ?? DEFAULT_ALERT_PAIRS,
  };
}
