import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  defaultPolicy,
  evaluateEntity,
  parseSloFile,
  readEntityProfile,
  type SloLoadResult,
} from '@reliability-suite/plugin-reliability-common';
import { parse } from 'yaml';

/**
 * `reliability:gate:dry-run`: evaluates the would-be entity with the suite's own evaluation,
 * before it exists in the catalog, and says what it will still miss.
 */
export function createGateDryRunAction(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'reliability:gate:dry-run',
    description:
      "Evaluates the new catalog-info.yaml (and its SLO file) against the suite's default policy and reports the gate decision, the readiness verdict and the required checks it will still miss. Attested checks (rollback plan, load test, ...) are missing until someone attests them.",
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .default('catalog-info.yaml')
            .describe('The catalog file, relative to the workspace'),
      },
      output: {
        decision: z => z.enum(['allow', 'warn', 'block']),
        verdict: z => z.string(),
        score: z => z.number(),
        missing: z =>
          z
            .array(
              z.object({
                id: z.string(),
                blocking: z.boolean(),
                howToFix: z.string(),
              }),
            )
            .describe('Required checks that fail or are unknown'),
        problems: z => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const file = resolveSafeChildPath(ctx.workspacePath, ctx.input.path);
      const entity = parse(await readFile(file, 'utf8')) as Entity;
      const at = now();
      const profile = readEntityProfile(entity, defaultPolicy, { now: at });
      const slos = await loadSlos(file, profile.sloRef);
      const owner =
        typeof entity.spec?.owner === 'string' ? entity.spec.owner : null;
      const evaluation = evaluateEntity(
        {
          entity,
          profile,
          slos,
          // The template picks a Group as owner; the catalog confirms it once registered.
          owner: owner ? { ref: owner, kind: 'Group' } : null,
          dependencies: [],
          attestations: [],
          waivers: [],
          now: at,
        },
        defaultPolicy,
      );
      if (!evaluation.readiness || !evaluation.gate) {
        throw new Error(
          `${ctx.input.path} is outside the reliability policy's scope (a Component of type service or website)`,
        );
      }
      const missing = evaluation.checks
        .filter(
          c => c.required && (c.state === 'fail' || c.state === 'unknown'),
        )
        .map(c => ({ id: c.id, blocking: c.blocking, howToFix: c.howToFix }));
      ctx.logger.info(
        `Gate: ${evaluation.gate.decision}; readiness ${evaluation.readiness.score} (${evaluation.readiness.verdict})`,
      );
      for (const check of missing) {
        ctx.logger.info(
          `Still missing${check.blocking ? ' (blocking)' : ''}: ${check.id}. ${
            check.howToFix
          }`,
        );
      }
      ctx.output('decision', evaluation.gate.decision);
      ctx.output('verdict', evaluation.readiness.verdict);
      ctx.output('score', evaluation.readiness.score);
      ctx.output('missing', missing);
      ctx.output(
        'problems',
        evaluation.problems.map(problem => problem.message),
      );
    },
  });
}

async function loadSlos(
  catalogFile: string,
  sloRef: string | null,
): Promise<SloLoadResult> {
  if (!sloRef) {
    return { status: 'absent', slos: [], problems: [] };
  }
  if (sloRef.startsWith('url:')) {
    // Not in the workspace: the catalog reads it once the service is registered.
    return { status: 'unreachable', slos: [], problems: [], location: sloRef };
  }
  try {
    // Inside the catalog file's folder, which is inside the workspace.
    const path = resolveSafeChildPath(dirname(catalogFile), sloRef);
    const text = await readFile(path, 'utf8');
    return {
      status: 'loaded',
      location: sloRef,
      ...parseSloFile(text, { file: sloRef }),
    };
  } catch (error) {
    return {
      status: 'unreachable',
      slos: [],
      problems: [
        {
          severity: 'error',
          message: `The SLO file ${sloRef} could not be read: ${
            (error as Error).message
          }`,
        },
      ],
      location: sloRef,
    };
  }
}
