import type { Config } from '@backstage/config';
import type { CoverageTarget } from '@reliability-suite/plugin-reliability-common';
import { z } from 'zod';
import { coverageTargetId } from '../domain/notifications';
import { normalizeEntityRef } from './entityRefParam';

export interface NotificationSettings {
  enabled: boolean;
  /** Approvers of tiers without an approver group. */
  approvers: string[];
  /** Days between readiness reviews per tier level (as string, or `none`). */
  reviewCadenceDays: Record<string, number>;
}

const entityRef = z.string().transform((value, ctx) => {
  const ref = normalizeEntityRef(value, 'user');
  if (!ref) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an entity ref, e.g. group:default/sre-core',
    });
    return z.NEVER;
  }
  return ref;
});

const schema = z.strictObject({
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
  approvers: z.array(entityRef).optional(),
  reviewCadenceDays: z
    .record(
      z.string().regex(/^(\d+|none)$/, 'keys must be tier levels or "none"'),
      z
        .number({ error: 'must be a number of days' })
        .int('must be a whole number of days')
        .positive('must be a positive number of days'),
    )
    .optional(),
});

/**
 * Reads `reliability.notifications`: `enabled` (default true), `approvers` (entity refs
 * notified of waivers and reviews of tiers whose policy names no approver group) and
 * `reviewCadenceDays` (per tier level, e.g. `{ '1': 90 }`).
 *
 * @throws Error naming the offending key.
 */
export function readNotificationSettings(config: Config): NotificationSettings {
  const raw = config.getOptional('reliability.notifications') ?? {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue =>
        `reliability.notifications${issue.path
          .map(segment =>
            typeof segment === 'number'
              ? `[${segment}]`
              : `.${String(segment)}`,
          )
          .join('')}: ${issue.message}`,
    );
    throw new Error(`Invalid notification settings: ${problems.join('; ')}`);
  }
  return {
    enabled: parsed.data.enabled ?? true,
    approvers: parsed.data.approvers ?? [],
    reviewCadenceDays: parsed.data.reviewCadenceDays ?? {},
  };
}

/** The recipients of each coverage target's off-track notification, by target id. */
export function targetRecipients(
  targets: readonly CoverageTarget[],
): Map<string, string[]> {
  return new Map(
    targets
      .filter(target => target.notify && target.notify.length > 0)
      .map(target => [coverageTargetId(target), target.notify ?? []]),
  );
}
