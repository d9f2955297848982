import { z } from 'zod';

/**
 * Shapes of OpenSLO `openslo/v1` and Sloth `prometheus/v1` documents. They check types only
 * and keep unknown fields (both formats have many this suite does not read); missing or
 * out-of-range values are checked by the parsers, which give more useful messages.
 */

const labelValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);

export const labelsSchema = z.record(z.string(), labelValue);

export const openSloMetadataSchema = z.looseObject({
  name: z.string({ error: 'metadata.name must be a string' }).optional(),
  displayName: z.string().optional(),
  labels: labelsSchema.optional(),
  annotations: z.record(z.string(), z.unknown()).optional(),
});

export const openSloEnvelopeSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string({ error: 'kind must be a string such as SLO' }).optional(),
  metadata: openSloMetadataSchema.optional(),
  spec: z.unknown().optional(),
});

export const sliSpecSchema = z.looseObject({
  description: z.string().optional(),
  thresholdMetric: z.unknown().optional(),
  ratioMetric: z.unknown().optional(),
});

export const inlineSliSchema = z.looseObject({
  metadata: openSloMetadataSchema.optional(),
  spec: sliSpecSchema.optional(),
});

export const timeWindowSchema = z.looseObject({
  duration: z.string().optional(),
  isRolling: z.boolean().optional(),
  calendar: z
    .looseObject({
      startTime: z.string().optional(),
      timeZone: z.string().optional(),
    })
    .optional(),
});

export const objectiveSchema = z.looseObject({
  displayName: z.string().optional(),
  op: z.enum(['lt', 'lte', 'gt', 'gte']).optional(),
  value: z.number().optional(),
  target: z.number().optional(),
  targetPercent: z.number().optional(),
  timeSliceTarget: z.number().optional(),
  timeSliceWindow: z.union([z.string(), z.number()]).optional(),
  indicator: inlineSliSchema.optional(),
  indicatorRef: z.string().optional(),
});

export const sloSpecSchema = z.looseObject({
  description: z.string().optional(),
  service: z.string().optional(),
  indicator: inlineSliSchema.optional(),
  indicatorRef: z.string().optional(),
  timeWindow: z.array(timeWindowSchema).optional(),
  budgetingMethod: z.string().optional(),
  objectives: z.array(objectiveSchema).optional(),
  alertPolicies: z.array(z.unknown()).optional(),
});

export type OpenSloSliSpec = z.infer<typeof sliSpecSchema>;
export type OpenSloInlineSli = z.infer<typeof inlineSliSchema>;
export type OpenSloObjective = z.infer<typeof objectiveSchema>;
export type OpenSloSpec = z.infer<typeof sloSpecSchema>;

export const alertPolicyItemSchema = z.union([
  z.string(),
  z.looseObject({
    alertPolicyRef: z.string().optional(),
    kind: z.string().optional(),
    metadata: z.looseObject({ name: z.string().optional() }).optional(),
    spec: z.unknown().optional(),
  }),
]);

const slothAlertSchema = z.looseObject({
  disable: z.boolean().optional(),
});

export const slothSloSchema = z.looseObject({
  name: z.string().optional(),
  objective: z.number().optional(),
  description: z.string().optional(),
  labels: labelsSchema.optional(),
  sli: z
    .looseObject({
      events: z
        .looseObject({
          error_query: z.string(),
          total_query: z.string(),
        })
        .optional(),
      raw: z.looseObject({ error_ratio_query: z.string() }).optional(),
      plugin: z
        .looseObject({
          id: z.string(),
          options: z.record(z.string(), z.unknown()).optional(),
        })
        .optional(),
    })
    .optional(),
  alerting: z
    .looseObject({
      name: z.string().optional(),
      labels: labelsSchema.optional(),
      annotations: z.record(z.string(), z.unknown()).optional(),
      page_alert: slothAlertSchema.optional(),
      ticket_alert: slothAlertSchema.optional(),
    })
    .optional(),
});

export type SlothSlo = z.infer<typeof slothSloSchema>;

export const slothDocumentSchema = z.looseObject({
  version: z.literal('prometheus/v1'),
  service: z.string().optional(),
  labels: labelsSchema.optional(),
  slos: z.array(z.unknown()).optional(),
});
