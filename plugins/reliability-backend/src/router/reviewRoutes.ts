import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { MAX_REVIEW_COMMENT_LENGTH } from '@reliability-suite/plugin-reliability-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type {
  ReviewService,
  ReviewWriteResult,
} from '../services/ReviewService';
import { parseEntityPath } from './reportRoutes';
import { withoutNul } from './noNul';

const ENTITY = '/v1/entities/:kind/:namespace/:name';
const CHECK = `${ENTITY}/checks/:checkId`;

const comment = withoutNul()
  .trim()
  .max(MAX_REVIEW_COMMENT_LENGTH, {
    message: `must be at most ${MAX_REVIEW_COMMENT_LENGTH} characters`,
  });
const requiredComment = comment.min(1, { message: 'must not be empty' });
const expectedVersion = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be an integer' })
  .min(0, { message: 'must be 0 or more' });

const evidenceUrl = withoutNul(z.string({ message: 'must be a string' }))
  .trim()
  .max(2048, { message: 'must be at most 2048 characters' })
  .refine(
    value => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') &&
          url.hostname.length > 0
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http(s) URL' },
  );

const attestBody = z.object({
  evidenceUrl,
  comment: requiredComment,
  expectedVersion,
});
const revokeBody = z.object({
  comment: comment.optional(),
  expectedVersion,
});
const waiverBody = z.object({
  justification: requiredComment,
  expiresAt: withoutNul(
    z.string({ message: 'must be an ISO 8601 date or date-time' }),
  ),
  expectedVersion,
});
const decisionBody = z.object({ comment: requiredComment, expectedVersion });
const reviewBody = z
  .object({
    comment: comment.optional(),
    expectedVersion: expectedVersion.optional(),
  })
  .optional();

const checkIdParam = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/, {
  message: 'must be a check id such as "rollback-plan"',
});
const idParam = z.uuid({ message: 'must be an id returned by this API' });
const historyQuery = z.object({
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be an integer' })
    .min(1, { message: 'must be between 1 and 100' })
    .max(100, { message: 'must be between 1 and 100' })
    .default(20),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, {
      message: 'must be a nextCursor returned by this API',
    })
    .transform(Number)
    .optional(),
});

/** Parses `value` or throws a 400 whose message names the offending field. */
function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix = '',
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const message =
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'is required'
        : issue.message;
    throw new InputError(`Invalid ${field || 'request body'}: ${message}`);
  }
  return parsed.data;
}

export interface ReviewRoutesOptions {
  httpAuth: HttpAuthService;
  auth: Pick<AuthService, 'isPrincipal' | 'getOwnServiceCredentials'>;
  auditor: AuditorService;
  reviews: ReviewService;
}

/**
 * Readiness reviews of one entity: attestations, waivers, review sign-off, history. Writes
 * need a signed-in user, are audited, and are based on the version the caller last saw.
 */
export function createReviewRoutes(
  options: ReviewRoutesOptions,
): express.Router {
  const { httpAuth, auth, auditor, reviews } = options;
  const router = Router();

  /** Runs one write as an audit event that succeeds or fails with it. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: JsonObject,
    write: () => Promise<ReviewWriteResult<T>>,
  ): Promise<ReviewWriteResult<T>> {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const outcome = await write();
      const subject = outcome.result as { id?: string; version?: number };
      await event.success({
        meta: {
          ...meta,
          id: subject.id ?? null,
          version: subject.version ?? null,
        },
      });
      return outcome;
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      throw error;
    }
  }

  // 401 without a token; 403 for a service or CI token, which is authenticated but cannot
  // write: every review record names the person who made it.
  const userCredentials = async (
    req: Request,
  ): Promise<BackstageCredentials<BackstageUserPrincipal>> => {
    const credentials = await httpAuth.credentials(req);
    if (!auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(
        'Review writes need a signed-in user, since each record names who made it; a service or CI token can only read review state, history and attestations',
      );
    }
    return credentials;
  };

  // Reads work for a service caller too (a CI pipeline with a static token restricted to this
  // plugin). Its token cannot be forwarded to the catalog, so the entity is read with the
  // plugin's own credentials, as the report and gate do; it gets no write actions.
  const readerCredentials = async (
    req: Request,
  ): Promise<BackstageCredentials> => {
    const credentials = await httpAuth.credentials(req);
    return auth.isPrincipal(credentials, 'service')
      ? auth.getOwnServiceCredentials()
      : credentials;
  };

  router.get(`${ENTITY}/review-state`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const credentials = await readerCredentials(req);
    res.json(await reviews.getReviewState(entityRef, credentials));
  });

  router.get(`${CHECK}/attestations`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const checkId = parse(checkIdParam, req.params.checkId, 'checkId');
    const credentials = await readerCredentials(req);
    res.json({
      items: await reviews.listAttestationVersions(
        entityRef,
        checkId,
        credentials,
      ),
    });
  });

  router.post(`${CHECK}/attestations`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const checkId = parse(checkIdParam, req.params.checkId, 'checkId');
    const outcome = await audited(
      req,
      'attestation-create',
      { entityRef, checkId },
      async () => {
        const credentials = await userCredentials(req);
        const body = parse(attestBody, req.body);
        return reviews.attest(entityRef, checkId, body, credentials);
      },
    );
    res
      .status(201)
      .json({ attestation: outcome.result, report: outcome.report });
  });

  router.post(`${CHECK}/attestations/revoke`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const checkId = parse(checkIdParam, req.params.checkId, 'checkId');
    const outcome = await audited(
      req,
      'attestation-revoke',
      { entityRef, checkId },
      async () => {
        const credentials = await userCredentials(req);
        const body = parse(revokeBody, req.body);
        return reviews.revokeAttestation(
          entityRef,
          checkId,
          {
            comment: body.comment || null,
            expectedVersion: body.expectedVersion,
          },
          credentials,
        );
      },
    );
    res.json({ attestation: outcome.result, report: outcome.report });
  });

  router.post(`${CHECK}/waivers`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const checkId = parse(checkIdParam, req.params.checkId, 'checkId');
    const outcome = await audited(
      req,
      'waiver-request',
      { entityRef, checkId },
      async () => {
        const credentials = await userCredentials(req);
        const body = parse(waiverBody, req.body);
        return reviews.requestWaiver(entityRef, checkId, body, credentials);
      },
    );
    res.status(201).json({ waiver: outcome.result, report: outcome.report });
  });

  for (const [action, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    router.post(`${ENTITY}/waivers/:waiverId/${action}`, async (req, res) => {
      const entityRef = parseEntityPath(req.params);
      const waiverId = parse(idParam, req.params.waiverId, 'waiverId');
      const outcome = await audited(
        req,
        'waiver-decide',
        { entityRef, waiverId, decision },
        async () => {
          const credentials = await userCredentials(req);
          const body = parse(decisionBody, req.body);
          return reviews.decideWaiver(
            entityRef,
            waiverId,
            decision,
            body,
            credentials,
          );
        },
      );
      res.json({ waiver: outcome.result, report: outcome.report });
    });
  }

  router.post(`${ENTITY}/reviews`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const outcome = await audited(
      req,
      'review-request',
      { entityRef },
      async () => {
        const credentials = await userCredentials(req);
        const body = parse(reviewBody, req.body) ?? {};
        return reviews.requestReview(
          entityRef,
          {
            comment: body.comment || null,
            expectedVersion: body.expectedVersion,
          },
          credentials,
        );
      },
    );
    res.status(201).json({ review: outcome.result, report: outcome.report });
  });

  router.get(`${ENTITY}/reviews/latest`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const credentials = await readerCredentials(req);
    res.json(await reviews.getLatestReview(entityRef, credentials));
  });

  for (const [action, decision] of [
    ['sign-off', 'signed-off'],
    ['reject', 'rejected'],
  ] as const) {
    router.post(`${ENTITY}/reviews/:reviewId/${action}`, async (req, res) => {
      const entityRef = parseEntityPath(req.params);
      const reviewId = parse(idParam, req.params.reviewId, 'reviewId');
      const outcome = await audited(
        req,
        'review-decide',
        { entityRef, reviewId, decision },
        async () => {
          const credentials = await userCredentials(req);
          const body = parse(decisionBody, req.body);
          return reviews.decideReview(
            entityRef,
            reviewId,
            decision,
            body,
            credentials,
          );
        },
      );
      res.json({ review: outcome.result, report: outcome.report });
    });
  }

  router.get(`${ENTITY}/history`, async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const query = parse(historyQuery, req.query);
    const credentials = await readerCredentials(req);
    res.json(await reviews.listHistory(entityRef, query, credentials));
  });

  return router;
}
