import { z } from 'zod';

/** Check ids appear in URLs and config keys: lower-case kebab-case. */
export const checkIdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a lower-case kebab-case id, e.g. "chaos-test"',
  );

const checkIdListSchema = z.array(checkIdSchema);
const nonEmptyString = z.string().trim().min(1, 'must not be empty');
const positiveInt = z.number().int().positive();

/**
 * One entry of `reliability.policy.checks`: an override of a default check (matched by id; only
 * the given fields change) or a new custom check (all of title, kind, rationale and howToFix).
 */
const checkConfigSchema = z.strictObject({
  id: checkIdSchema,
  title: nonEmptyString.optional(),
  area: nonEmptyString.optional(),
  kind: z.enum(['automatic', 'attested']).optional(),
  rationale: nonEmptyString.optional(),
  howToFix: nonEmptyString.optional(),
  validityDays: positiveInt.optional(),
  annotation: nonEmptyString.optional(),
});

/** One entry of `reliability.policy.tiers`; missing fields come from the default tier of that level. */
const tierConfigSchema = z.strictObject({
  level: z.number().int().min(0),
  name: nonEmptyString.optional(),
  description: z.string().optional(),
  required: checkIdListSchema.optional(),
  blocking: checkIdListSchema.optional(),
  enforced: z.boolean().optional(),
  expectedLevel: z.number().int().min(0).optional(),
});

const maturityLevelConfigSchema = z.strictObject({
  level: z.number().int().min(1),
  name: nonEmptyString.optional(),
  checks: checkIdListSchema.optional(),
});

/** The shape of app-config `reliability.policy` (see config.d.ts of the backend package). */
export const policyConfigSchema = z.strictObject({
  tiers: z.array(tierConfigSchema).min(1).optional(),
  untiered: z
    .strictObject({
      required: checkIdListSchema.optional(),
      blocking: checkIdListSchema.optional(),
      enforced: z.boolean().optional(),
    })
    .optional(),
  checks: z.array(checkConfigSchema).optional(),
  maturityLevels: z.array(maturityLevelConfigSchema).min(1).optional(),
  scope: z
    .strictObject({
      kinds: z.array(nonEmptyString).min(1).optional(),
      types: z.array(nonEmptyString).optional(),
    })
    .optional(),
  coverageLifecycles: z.array(nonEmptyString).optional(),
  runbookFreshness: z
    .strictObject({
      warnAfterDays: z.number().int().min(0).optional(),
      failAfterDays: positiveInt.optional(),
    })
    .optional(),
  waivers: z
    .strictObject({
      maxDays: positiveInt.optional(),
      approverGroups: z.record(z.string(), nonEmptyString).optional(),
    })
    .optional(),
});

export type PolicyConfig = z.infer<typeof policyConfigSchema>;
export type CheckConfig = z.infer<typeof checkConfigSchema>;
export type TierConfig = z.infer<typeof tierConfigSchema>;
export type MaturityLevelConfig = z.infer<typeof maturityLevelConfigSchema>;
