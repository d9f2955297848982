import { readFile, writeFile } from 'node:fs/promises';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_ONCALL_ROTATION,
  ANNOTATION_OPSGENIE_TEAM,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  ANNOTATION_RUNBOOKS_REVIEWED,
  ANNOTATION_SLO_REF,
  ANNOTATION_SPLUNK_ON_CALL_TEAM,
  ANNOTATION_TIER,
  LINK_TYPE_DASHBOARD,
  LINK_TYPE_RUNBOOK,
} from '@reliability-suite/plugin-reliability-common';
import { parseDocument } from 'yaml';

const ONCALL_KEYS = {
  pagerduty: ANNOTATION_PAGERDUTY_SERVICE_ID,
  opsgenie: ANNOTATION_OPSGENIE_TEAM,
  'splunk-on-call': ANNOTATION_SPLUNK_ON_CALL_TEAM,
  rotation: ANNOTATION_ONCALL_ROTATION,
} as const;

/**
 * `reliability:catalog:annotate`: adds the suite's annotations, the runbook (and dashboard)
 * link and the on-call key to the new service's catalog-info.yaml, keeping everything else.
 */
export function createAnnotateAction(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'reliability:catalog:annotate',
    description:
      'Adds reliability/tier, reliability/slo-ref, reliability/runbooks-reviewed, an on-call key and runbook/dashboard links to a catalog-info.yaml in the workspace.',
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .default('catalog-info.yaml')
            .describe('The catalog file, relative to the workspace'),
        tier: z => z.coerce.number().int().min(0).max(3),
        sloRef: z =>
          z
            .string()
            .optional()
            .describe('The SLO file, relative to the catalog file'),
        runbookUrl: z => z.string().url().describe('The runbook link'),
        runbookTitle: z => z.string().default('Runbook'),
        dashboardUrl: z => z.string().url().optional(),
        oncallProvider: z =>
          z
            .enum(['pagerduty', 'opsgenie', 'splunk-on-call', 'rotation'])
            .describe('Which on-call key to write'),
        oncallKey: z =>
          z
            .string()
            .min(1)
            .describe(
              'The PagerDuty service id, Opsgenie/Splunk team or rotation',
            ),
      },
      output: {
        annotations: z => z.record(z.string(), z.string()),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const file = resolveSafeChildPath(ctx.workspacePath, input.path);
      const doc = parseDocument(await readFile(file, 'utf8'));
      if (doc.errors.length > 0 || !doc.get('metadata')) {
        throw new Error(
          `${input.path} is not a catalog entity: ${
            doc.errors[0]?.message ?? 'it has no metadata'
          }`,
        );
      }
      const annotations: Record<string, string> = {
        [ANNOTATION_TIER]: String(input.tier),
        // The runbook is written with the service, so it is reviewed as of today.
        [ANNOTATION_RUNBOOKS_REVIEWED]: now().toISOString().slice(0, 10),
        [ONCALL_KEYS[input.oncallProvider]]: input.oncallKey,
        ...(input.sloRef && { [ANNOTATION_SLO_REF]: input.sloRef }),
      };
      for (const [key, value] of Object.entries(annotations)) {
        doc.setIn(['metadata', 'annotations', key], value);
      }
      const links = [
        {
          url: input.runbookUrl,
          title: input.runbookTitle,
          type: LINK_TYPE_RUNBOOK,
        },
        ...(input.dashboardUrl
          ? [
              {
                url: input.dashboardUrl,
                title: 'Dashboard',
                type: LINK_TYPE_DASHBOARD,
              },
            ]
          : []),
      ];
      const existing =
        (doc.getIn(['metadata', 'links']) as any)?.toJSON?.() ?? [];
      doc.setIn(
        ['metadata', 'links'],
        [
          ...existing.filter(
            (link: { url?: string }) => !links.some(l => l.url === link.url),
          ),
          ...links,
        ],
      );
      await writeFile(file, doc.toString(), 'utf8');
      ctx.logger.info(
        `Annotated ${input.path}: ${Object.keys(annotations).join(', ')}`,
      );
      ctx.output('annotations', annotations);
    },
  });
}
