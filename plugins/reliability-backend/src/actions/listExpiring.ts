import type { ReliabilityActionsOptions } from './types';

/** `list-expiring`: approved waivers and attestations that run out soon. */
export function registerListExpiringAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, reviews } = options;
  actionsRegistry.register({
    name: 'list-expiring',
    title: 'Waivers and attestations expiring soon',
    description:
      'Lists approved waivers and current attestations that expire within the next `days` days, soonest first, on the entities you can see. When a waiver expires its check fails again; when an attestation expires its attested check fails. Use it for "what will start failing this month?".',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          days: z
            .number()
            .int()
            .min(1)
            .max(365)
            .default(30)
            .describe('Look this many days ahead'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(200)
            .default(50)
            .describe('At most this many waivers and this many attestations'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              type: z.enum(['waiver', 'attestation']),
              id: z.string(),
              entityRef: z.string(),
              checkId: z.string(),
              expiresAt: z.string(),
              daysLeft: z.number(),
              by: z
                .string()
                .describe('Who requested the waiver or attested the check'),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'What expires in the next two weeks',
        input: { days: 14, limit: 50 },
        output: {
          items: [
            {
              type: 'waiver',
              id: '6f1c3c52-2f7e-4c5e-9a53-0d8f0c1e2a11',
              entityRef: 'component:default/checkout',
              checkId: 'load-test',
              expiresAt: '2026-12-15T23:59:59.999Z',
              daysLeft: 8,
              by: 'user:default/ada',
            },
          ],
        },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: {
        items: await reviews.listExpiring(input.days, input.limit, credentials),
      },
    }),
  });
}
