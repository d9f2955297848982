import { readinessFixes } from '../lib/readinessFixes';
import type { ReliabilityActionsOptions } from './types';
import { ENTITY_REF_DESCRIPTION, parseEntityRefInput } from './entityRefInput';

/**
 * `explain-readiness`: what keeps an entity from being ready, ordered by what unblocks the
 * gate first, each with how to fix it.
 */
export function registerExplainReadinessAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, access, reports } = options;
  actionsRegistry.register({
    name: 'explain-readiness',
    title: 'What must be fixed to be ready?',
    description:
      "Lists the required reliability checks an entity fails (or whose data cannot be read), ordered by what unblocks the release gate first: blocking checks, then the rest of the tier's requirements. Each comes with the check's message and how to fix it. Also gives the readiness score, verdict, gate decision and the maturity level's next step. Use it for \"what must I fix to be tier-1 ready?\".",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          inScope: z
            .boolean()
            .describe(
              "False when the policy's scope leaves the entity out: it then has no checks",
            ),
          tier: z.number().nullable(),
          score: z.number().nullable().describe('Readiness score, 0-100'),
          verdict: z
            .enum(['ready', 'ready-with-waivers', 'not-ready'])
            .nullable(),
          gate: z
            .object({
              decision: z.enum(['allow', 'warn', 'block']),
              enforced: z.boolean(),
            })
            .nullable(),
          fixes: z
            .array(
              z.object({
                id: z.string().describe('The check id, e.g. "slo-defined"'),
                title: z.string(),
                state: z.enum(['fail', 'unknown']),
                blocking: z.boolean(),
                unblocksGate: z
                  .boolean()
                  .describe(
                    'Blocking in an enforced tier: the gate blocks until this is fixed',
                  ),
                message: z.string(),
                howToFix: z.string(),
                rationale: z.string().nullable(),
              }),
            )
            .describe('Soonest to unblock the gate first'),
          maturity: z
            .object({
              level: z.number(),
              name: z.string(),
              expectedLevel: z.number().nullable(),
              nextLevelMissing: z
                .array(z.string())
                .describe('Checks still unmet for the next maturity level'),
            })
            .nullable(),
        }),
    },
    examples: [
      {
        title: 'A tier-1 service without SLOs',
        input: { entityRef: 'component:default/checkout' },
        output: {
          entityRef: 'component:default/checkout',
          inScope: true,
          tier: 1,
          score: 79,
          verdict: 'not-ready',
          gate: { decision: 'block', enforced: true },
          fixes: [
            {
              id: 'slo-defined',
              title: 'SLOs defined',
              state: 'fail',
              blocking: true,
              unblocksGate: true,
              message: 'No SLO file is referenced',
              howToFix:
                'Add an OpenSLO or Sloth file and point reliability/slo-ref at it.',
              rationale: 'Without an SLO nobody knows what reliable enough is.',
            },
          ],
          maturity: {
            level: 1,
            name: 'Foundational',
            expectedLevel: 3,
            nextLevelMissing: ['slo-defined'],
          },
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
          inScope: report.inScope,
          tier: report.tier?.level ?? null,
          score: report.readiness?.score ?? null,
          verdict: report.readiness?.verdict ?? null,
          gate: report.gate
            ? { decision: report.gate.decision, enforced: report.gate.enforced }
            : null,
          fixes: readinessFixes(report),
          maturity: report.maturity
            ? {
                level: report.maturity.level,
                name: report.maturity.name,
                expectedLevel: report.maturity.expectedLevel,
                nextLevelMissing: report.maturity.next?.missing ?? [],
              }
            : null,
        },
      };
    },
  });
}
