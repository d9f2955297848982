import { ANNOTATION_SLO_REF } from '@reliability-suite/plugin-reliability-common';
import type { ReliabilityActionsOptions } from './types';
import { ENTITY_REF_DESCRIPTION, parseEntityRefInput } from './entityRefInput';

/**
 * `get-slo-status`: an entity's SLOs as its report carries them, `status` included (null
 * before the first live measurement, or where live status is not configured).
 */
export function registerGetSloStatusAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, access, reports } = options;
  actionsRegistry.register({
    name: 'get-slo-status',
    title: "An entity's SLOs and their status",
    description:
      'Lists the SLOs of an entity (from its reliability/slo-ref file, OpenSLO or Sloth) with target, window, error budget and live `status` (state ok / warning / critical / exhausted / no-data / unavailable / not-measured, SLI, error budget remaining, burn rates, firing alerts); `status` is null until first measured. Also returns the problems found in the SLO file. Use it for "is checkout-api burning its error budget?".',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          tier: z.number().nullable(),
          slos: z.array(
            z.object({
              name: z.string(),
              sli: z
                .string()
                .describe('availability, latency, error-rate, ... or other'),
              target: z.number().describe('A ratio in (0,1), e.g. 0.999'),
              window: z.string().describe('As written, e.g. 28d'),
              errorBudget: z.number(),
              source: z.enum(['openslo', 'sloth', 'pyrra', 'nobl9']),
              hasAlerting: z.boolean(),
              status: z
                .record(z.string(), z.unknown())
                .nullable()
                .describe('Live status; null before the first measurement'),
            }),
          ),
          problems: z
            .array(z.object({ severity: z.string(), message: z.string() }))
            .describe('What is wrong with the SLO file, if anything'),
          evaluatedAt: z.string(),
        }),
    },
    examples: [
      {
        title: 'A service with one measured SLO',
        input: { entityRef: 'component:default/checkout' },
        output: {
          entityRef: 'component:default/checkout',
          tier: 1,
          slos: [
            {
              name: 'checkout-availability',
              sli: 'availability',
              target: 0.999,
              window: '28d',
              errorBudget: 0.001,
              source: 'openslo',
              hasAlerting: true,
              status: {
                state: 'ok',
                sli: 0.99953,
                errorBudgetRemaining: 0.53,
                measuredAt: '2026-12-07T10:00:00Z',
              },
            },
          ],
          problems: [],
          evaluatedAt: '2026-12-07T10:00:00.000Z',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = parseEntityRefInput(input.entityRef);
      const entity = await access.findEntity(entityRef, credentials);
      const report = await reports.getReport(entity);
      return {
        output: {
          entityRef: report.entityRef,
          tier: report.tier?.level ?? null,
          slos: report.slos.map(slo => ({
            name: slo.name,
            sli: slo.sli,
            target: slo.target,
            window: slo.window,
            errorBudget: slo.errorBudget,
            source: slo.source,
            hasAlerting: slo.hasAlerting,
            // Live status is measured by the backend when Prometheus is configured; the report
            // carries it as is.
            status: ((slo as { status?: Record<string, unknown> | null })
              .status ?? null) as Record<string, unknown> | null,
          })),
          problems: report.problems
            .filter(
              problem =>
                problem.file !== undefined ||
                problem.field === ANNOTATION_SLO_REF,
            )
            .map(problem => ({
              severity: problem.severity,
              message: problem.message,
            })),
          evaluatedAt: report.evaluatedAt,
        },
      };
    },
  });
}
