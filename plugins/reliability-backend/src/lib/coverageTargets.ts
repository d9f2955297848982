import type { Config } from '@backstage/config';
import {
  COVERAGE_MEASURES,
  CoverageMeasure,
  CoverageTarget,
} from '@reliability-suite/plugin-reliability-common';
import { z } from 'zod';
import { normalizeEntityRef } from './entityRefParam';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(day => {
    const time = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
  }, 'must be a real calendar date');

const targetSchema = z.strictObject({
  tier: z
    .number({ error: 'must be a tier level, e.g. 1' })
    .int()
    .min(0)
    .optional(),
  measure: z.enum(
    COVERAGE_MEASURES as [CoverageMeasure, ...CoverageMeasure[]],
    {
      error: `must be one of ${COVERAGE_MEASURES.join(', ')}`,
    },
  ),
  target: z
    .number({ error: 'must be a share between 0 and 1, e.g. 0.8' })
    .gt(0, 'must be a share between 0 and 1, e.g. 0.8')
    .max(1, 'must be a share between 0 and 1, e.g. 0.8 (not a percentage)'),
  by: isoDay,
  owner: z
    .string()
    .transform((value, ctx) => {
      const ref = normalizeEntityRef(value, 'group');
      if (!ref) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be an entity ref, e.g. group:default/payments',
        });
        return z.NEVER;
      }
      return ref;
    })
    .optional(),
  title: z.string().min(1).optional(),
  notify: z
    .array(
      z.string().transform((value, ctx) => {
        const ref = normalizeEntityRef(value, 'user');
        if (!ref) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be an entity ref, e.g. group:default/sre-core',
          });
          return z.NEVER;
        }
        return ref;
      }),
    )
    .optional(),
});

/**
 * Reads `reliability.coverage.targets`, e.g.
 * `[{ tier: 1, measure: withSlo, target: 0.8, by: 2027-06-30 }]`.
 *
 * @throws Error naming the offending key, e.g. `reliability.coverage.targets[0].target`.
 */
export function readCoverageTargets(config: Config): CoverageTarget[] {
  const raw = config.getOptional('reliability.coverage.targets') ?? [];
  const parsed = z.array(targetSchema).safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => {
      const path = issue.path
        .map(segment =>
          typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`,
        )
        .join('');
      return `reliability.coverage.targets${path}: ${issue.message}`;
    });
    throw new Error(`Invalid coverage targets: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** A short human title of a target, e.g. "Tier 1: With SLO >= 80% by 2027-06-30". */
export function describeTarget(
  target: CoverageTarget,
  measureLabel: string,
): string {
  if (target.title) {
    return target.title;
  }
  const scope = target.tier === undefined ? 'All tiers' : `Tier ${target.tier}`;
  const owner = target.owner ? ` (${target.owner})` : '';
  return `${scope}${owner}: ${measureLabel} >= ${Math.round(
    target.target * 100,
  )}% by ${target.by}`;
}
