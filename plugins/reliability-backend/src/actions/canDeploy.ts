import type { ReliabilityActionsOptions } from './types';
import { ENTITY_REF_DESCRIPTION, parseEntityRefInput } from './entityRefInput';

/**
 * `can-deploy`: the release gate of one entity, byte for byte what
 * `GET /v1/entities/{kind}/{namespace}/{name}/gate` answers the same caller.
 */
export function registerCanDeployAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, access, reports } = options;
  actionsRegistry.register({
    name: 'can-deploy',
    title: 'Can this service deploy?',
    description:
      'Answers whether an entity may be released now, from the Reliability Suite\'s release gate: `allow`, `warn` (released, with open readiness gaps) or `block` (a blocking check of an enforced tier fails or is unknown), with the reasons. Use it for questions like "can I deploy checkout-api?". To learn what to fix, call explain-readiness.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
        }),
      output: z =>
        z.object({
          decision: z
            .enum(['allow', 'warn', 'block'])
            .describe('The gate decision'),
          reasons: z
            .array(z.string())
            .describe('Why the gate decided so, one sentence each'),
          entityRef: z.string(),
          tier: z
            .number()
            .nullable()
            .describe('The tier level; null when untiered'),
          enforced: z
            .boolean()
            .describe("Whether the tier's gate may block a release"),
          evaluatedAt: z.string().describe('When the report was evaluated'),
        }),
    },
    examples: [
      {
        title: 'A tier-1 service with no on-call',
        input: { entityRef: 'component:default/checkout' },
        output: {
          decision: 'block',
          reasons: ['Blocking check "oncall" fails: no on-call key is set'],
          entityRef: 'component:default/checkout',
          tier: 1,
          enforced: true,
          evaluatedAt: '2026-12-07T10:00:00.000Z',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = parseEntityRefInput(input.entityRef);
      await access.requireVisible(entityRef, credentials);
      const { body } = await reports.getGateBody(entityRef, () =>
        access.findEntity(entityRef, credentials),
      );
      return { output: JSON.parse(body.toString('utf8')) };
    },
  });
}
