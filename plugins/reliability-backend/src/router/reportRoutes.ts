import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { makeValidator } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityRefreshPermission } from '@reliability-suite/plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { EntityAccess } from '../services/EntityAccess';
import type { ReportService, ResponseBody } from '../services/ReportService';
import type { SloHistoryReader } from '../services/SloStatusService';

const validator = makeValidator();

/** Path parameters of `/v1/entities/:kind/:namespace/:name/...`, validated as the catalog does. */
export const entityPathSchema = z.object({
  kind: z.string().refine(value => validator.isValidKind(value), {
    message: 'must be a valid entity kind, e.g. "component"',
  }),
  namespace: z.string().refine(value => validator.isValidNamespace(value), {
    message: 'must be a valid entity namespace, e.g. "default"',
  }),
  name: z.string().refine(value => validator.isValidEntityName(value), {
    message:
      'must be a valid entity name: letters, digits and [-_.], at most 63 characters',
  }),
});

/** Parses the entity path parameters into a lower-case entity ref, or throws a 400. */
export function parseEntityPath(params: unknown): string {
  const path = params as Record<string, unknown>;
  // Every read starts here, so a valid path is checked without building zod's result;
  // zod runs only to name what is wrong.
  if (
    validator.isValidKind(path.kind) &&
    validator.isValidNamespace(path.namespace) &&
    validator.isValidEntityName(path.name)
  ) {
    return `${path.kind}:${path.namespace}/${path.name}`.toLocaleLowerCase(
      'en-US',
    );
  }
  const parsed = entityPathSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `Invalid entity ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const { kind, namespace, name } = parsed.data;
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}

export interface ReportRoutesOptions {
  httpAuth: HttpAuthService;
  auth: Pick<AuthService, 'isPrincipal' | 'getOwnServiceCredentials'>;
  permissions: PermissionsService;
  auditor?: AuditorService;
  catalog: Pick<CatalogService, 'getEntityByRef' | 'getEntitiesByRefs'>;
  reports: ReportService;
  /** Live SLO status history; absent when no Prometheus is configured. */
  sloHistory?: SloHistoryReader;
  /** `reliability.retention.days`: the longest history served. */
  retentionDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const historyQuerySchema = z.object({
  days: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .optional(),
});

const sloNameSchema = z
  .string()
  .min(1)
  .max(255, 'must be at most 255 characters')
  .refine(value => !value.includes('\0'), 'must not contain NUL');

/** Report, gate and refresh of one entity. */
export function createReportRoutes(
  options: ReportRoutesOptions,
): express.Router {
  const { httpAuth, auth, permissions, auditor, catalog, reports } = options;
  const router = Router();

  const access = new EntityAccess({ auth, catalog });
  const findEntity = (entityRef: string, credentials: BackstageCredentials) =>
    access.findEntity(entityRef, credentials);
  const requireVisible = (
    entityRef: string,
    credentials: BackstageCredentials,
  ) => access.requireVisible(entityRef, credentials);

  const sendBody = (res: express.Response, response: ResponseBody) => {
    res.type('application/json');
    if (response.etag) {
      // Saves express hashing the body for its own ETag.
      res.set('ETag', response.etag);
    }
    res.send(response.body);
  };

  router.get('/v1/entities/:kind/:namespace/:name/report', async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireVisible(entityRef, credentials);
    sendBody(
      res,
      await reports.getReportBody(entityRef, () =>
        findEntity(entityRef, credentials),
      ),
    );
  });

  router.get('/v1/entities/:kind/:namespace/:name/gate', async (req, res) => {
    const entityRef = parseEntityPath(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireVisible(entityRef, credentials);
    sendBody(
      res,
      await reports.getGateBody(entityRef, () =>
        findEntity(entityRef, credentials),
      ),
    );
  });

  router.post(
    '/v1/entities/:kind/:namespace/:name/refresh',
    async (req, res) => {
      const entityRef = parseEntityPath(req.params);
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const auditorEvent = await auditor?.createEvent({
        eventId: 'entity-refresh',
        severityLevel: 'low',
        request: req,
        meta: { entityRef },
      });
      try {
        const [decision] = await permissions.authorize(
          [
            {
              permission: reliabilityRefreshPermission,
              resourceRef: entityRef,
            },
          ],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError(
            `You are not allowed to refresh the reliability report of ${entityRef}`,
          );
        }
        const entity = await findEntity(entityRef, credentials);
        // A refresh measures the entity's SLOs first, so its report shows them now.
        const report = await reports.refresh(entity, { measure: true });
        await auditorEvent?.success();
        res.json(report);
      } catch (error) {
        await auditorEvent?.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/slos/:slo/history',
    async (req, res) => {
      const entityRef = parseEntityPath(req.params);
      const slo = sloNameSchema.safeParse(req.params.slo);
      if (!slo.success) {
        throw new InputError(`Invalid slo: ${slo.error.issues[0].message}`);
      }
      const query = historyQuerySchema.safeParse(req.query);
      if (!query.success) {
        const issue = query.error.issues[0];
        throw new InputError(
          `Invalid ${issue.path.join('.') || 'query'}: ${issue.message}`,
        );
      }
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await requireVisible(entityRef, credentials);
      const maxDays = options.retentionDays ?? 400;
      const days = Math.min(query.data.days ?? 30, maxDays);
      const since = new Date(Date.now() - days * DAY_MS);
      const points = options.sloHistory
        ? await options.sloHistory.getHistory(entityRef, slo.data, since)
        : [];
      res.json({
        entityRef,
        slo: slo.data,
        since: since.toISOString(),
        measured: options.sloHistory !== undefined,
        points,
      });
    },
  );

  router.get('/v1/slo-status', async (req, res) => {
    const query = z
      .object({ limit: z.coerce.number().int().min(1).max(500).optional() })
      .safeParse(req.query);
    if (!query.success) {
      throw new InputError(`Invalid limit: ${query.error.issues[0].message}`);
    }
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    if (!options.sloHistory) {
      res.json({ measured: false, counts: {}, burning: [] });
      return;
    }
    res.json(await options.sloHistory.getOverview(query.data.limit ?? 20));
  });

  return router;
}
