import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { MAX_REVIEW_COMMENT_LENGTH } from '@reliability-suite/plugin-reliability-common';
import type { ReliabilityActionsOptions } from './types';
import { ENTITY_REF_DESCRIPTION, parseEntityRefInput } from './entityRefInput';

/**
 * `request-waiver`: asks for a time-boxed waiver of one check, exactly as the REST route does
 * (same permission, same expiry rules, audited). It writes, so it is marked destructive.
 */
export function registerRequestWaiverAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, auth, auditor, reviews } = options;
  actionsRegistry.register({
    name: 'request-waiver',
    title: 'Request a waiver for a failing check',
    description:
      "Requests a time-boxed waiver of one reliability check of an entity, with a justification; an approver must still approve it before the check counts as waived. Needs a signed-in user allowed to request waivers for the entity (usually its owning team). `expiresAt` is a date or date-time within the policy's maximum waiver length. Only call it when the user asked for a waiver.",
    attributes: { readOnly: false, destructive: true, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
          checkId: z
            .string()
            .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/)
            .describe('The check to waive, e.g. "load-test"'),
          justification: z
            .string()
            .trim()
            .min(1)
            .max(MAX_REVIEW_COMMENT_LENGTH)
            .describe('Why the check may be waived, and until what is done'),
          expiresAt: z
            .string()
            .min(1)
            .describe(
              'ISO 8601 date (end of that day, UTC) or date-time when the waiver ends',
            ),
          expectedVersion: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe(
              "The check's waiver version last seen; omitted, the current one is used",
            ),
        }),
      output: z =>
        z.object({
          waiver: z.object({
            id: z.string(),
            entityRef: z.string(),
            checkId: z.string(),
            status: z.string(),
            justification: z.string(),
            requestedBy: z.string(),
            requestedAt: z.string(),
            expiresAt: z.string(),
            version: z.number(),
          }),
          gateDecision: z
            .enum(['allow', 'warn', 'block'])
            .nullable()
            .describe(
              'The gate after the request (a request alone waives nothing)',
            ),
        }),
    },
    examples: [
      {
        title: 'Waive the load test until the end of the quarter',
        input: {
          entityRef: 'component:default/checkout',
          checkId: 'load-test',
          justification:
            'Load test booked for January; traffic is flat until then',
          expiresAt: '2026-12-31',
        },
        output: {
          waiver: {
            id: '6f1c3c52-2f7e-4c5e-9a53-0d8f0c1e2a11',
            entityRef: 'component:default/checkout',
            checkId: 'load-test',
            status: 'requested',
            justification:
              'Load test booked for January; traffic is flat until then',
            requestedBy: 'user:default/ada',
            requestedAt: '2026-12-07T10:00:00.000Z',
            expiresAt: '2026-12-31T23:59:59.999Z',
            version: 0,
          },
          gateDecision: 'block',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = parseEntityRefInput(input.entityRef);
      const event = await auditor.createEvent({
        eventId: 'waiver-request',
        severityLevel: 'medium',
        meta: { entityRef, checkId: input.checkId, via: 'action' },
      });
      try {
        if (!auth.isPrincipal(credentials, 'user')) {
          throw new NotAllowedError(
            'Only a signed-in user may request a waiver',
          );
        }
        const user =
          credentials as BackstageCredentials<BackstageUserPrincipal>;
        const expectedVersion =
          input.expectedVersion ??
          (await currentWaiverVersion(options, entityRef, input.checkId, user));
        const outcome = await reviews.requestWaiver(
          entityRef,
          input.checkId,
          {
            justification: input.justification,
            expiresAt: input.expiresAt,
            expectedVersion,
          },
          user,
        );
        await event.success({
          meta: {
            entityRef,
            checkId: input.checkId,
            via: 'action',
            id: outcome.result.id,
            actor: user.principal.userEntityRef,
          },
        });
        const waiver = outcome.result;
        return {
          output: {
            waiver: {
              id: waiver.id,
              entityRef: waiver.entityRef,
              checkId: waiver.checkId,
              status: waiver.status,
              justification: waiver.justification,
              requestedBy: waiver.requestedBy,
              requestedAt: waiver.requestedAt,
              expiresAt: waiver.expiresAt,
              version: waiver.version,
            },
            gateDecision: outcome.report?.gate?.decision ?? null,
          },
        };
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  });
}

async function currentWaiverVersion(
  options: ReliabilityActionsOptions,
  entityRef: string,
  checkId: string,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
): Promise<number> {
  const state = await options.reviews.getReviewState(entityRef, credentials);
  const check = state.checks.find(c => c.checkId === checkId);
  if (!check) {
    throw new InputError(
      `Invalid checkId: "${checkId}" is not a check of the reliability policy`,
    );
  }
  return check.waiverVersion;
}
