import { requireCoverageRead } from '../services/coverageAccess';
import type { ReliabilityActionsOptions } from './types';

/** `get-coverage`: `GET /v1/coverage` for agents, with the same permission. */
export function registerGetCoverageAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, permissions, coverage } = options;
  actionsRegistry.register({
    name: 'get-coverage',
    title: 'Reliability coverage by tier, owner or system',
    description:
      'How many in-scope entities have SLOs, on-call, a runbook, and are ready, grouped by tier (key "0".."3" or "none"), owner (a group\'s row includes its sub-groups) or system. Counts production entities unless `lifecycle` says otherwise ("*" for every lifecycle). Use it for "which teams\' tier-1 services lack SLOs?".',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          groupBy: z
            .enum(['tier', 'owner', 'system'])
            .default('tier')
            .describe('How to group the rows'),
          lifecycle: z
            .array(z.string().min(1).max(63))
            .max(20)
            .optional()
            .describe(
              'Lifecycles to count, e.g. ["production"]; ["*"] counts every lifecycle',
            ),
        }),
      output: z =>
        z.object({
          rows: z.array(
            z
              .object({
                key: z
                  .string()
                  .describe('Tier level, "none", or an owner or system ref'),
                total: z.number(),
                withSlo: z.number(),
                withOncall: z.number(),
                withRunbook: z.number(),
                ready: z
                  .number()
                  .describe('Verdict ready or ready-with-waivers'),
              })
              // The rest of the REST row (waived, withDashboard, ...) passes through as is.
              .passthrough(),
          ),
          asOf: z.string().nullable(),
        }),
    },
    examples: [
      {
        title: 'Coverage by tier',
        input: { groupBy: 'tier' },
        output: {
          rows: [
            {
              key: '1',
              total: 12,
              withSlo: 9,
              withOncall: 11,
              withRunbook: 10,
              ready: 7,
            },
          ],
          asOf: '2026-12-07T10:00:00.000Z',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      await requireCoverageRead(permissions, credentials);
      const result = await coverage.getCoverage(input.groupBy, {
        lifecycle: input.lifecycle,
      });
      return { output: JSON.parse(JSON.stringify(result)) };
    },
  });
}
