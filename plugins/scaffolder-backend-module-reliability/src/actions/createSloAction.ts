import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderSloFile } from './sloFile';
import { tierSloDefaults } from './tierDefaults';

/** `reliability:slo:create`: an SLO file with the tier's default targets and alerting. */
export function createSloAction() {
  return createTemplateAction({
    id: 'reliability:slo:create',
    description:
      "Writes an OpenSLO v1 or Sloth file with the tier's default SLOs (availability, plus latency for tiers 0 and 1) and burn-rate alerting, ready for reliability/slo-ref.",
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
              message: 'must be a lower-case entity name such as checkout-api',
            })
            .describe('The service name, used in the SLO names and queries'),
        tier: z =>
          z.coerce
            .number()
            .int()
            .min(0)
            .max(3)
            .describe('The service tier, 0 (most critical) to 3'),
        format: z =>
          z
            .enum(['openslo', 'sloth'])
            .default('openslo')
            .describe('openslo (OpenSLO v1) or sloth (prometheus/v1)'),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Where to write it, relative to the workspace; default slos/<name>.yaml',
            ),
      },
      output: {
        path: z => z.string().describe('The file written, in the workspace'),
        sloRef: z =>
          z
            .string()
            .describe('The value for reliability/slo-ref, e.g. ./slos/x.yaml'),
        availabilityTarget: z => z.number(),
      },
    },
    async handler(ctx) {
      const { name, tier, format } = ctx.input;
      const relative = ctx.input.path ?? `slos/${name}.yaml`;
      const target = resolveSafeChildPath(ctx.workspacePath, relative);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, renderSloFile({ name, tier, format }), 'utf8');
      const defaults = tierSloDefaults(tier);
      ctx.logger.info(
        `Wrote ${format} SLOs for tier ${tier} to ${relative} (availability ${
          defaults.availability * 100
        }%)`,
      );
      ctx.output('path', relative);
      ctx.output(
        'sloRef',
        relative.startsWith('.') ? relative : `./${relative}`,
      );
      ctx.output('availabilityTarget', defaults.availability);
    },
  });
}
