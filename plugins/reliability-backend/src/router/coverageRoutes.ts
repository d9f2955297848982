import { once } from 'node:events';
import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { requireCoverageRead } from '../services/coverageAccess';
import type { CoverageService } from '../services/CoverageService';
import {
  coverageQuerySchema,
  entityCsvQuerySchema,
  entityListQuerySchema,
  heatmapQuerySchema,
  historyQuerySchema,
  moversQuerySchema,
  parseQuery,
  toFilter,
} from './coverageQuery';

export interface CoverageRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  coverage: CoverageService;
  /** Days of daily history kept (`reliability.retention.days`): the longest history served. */
  retentionDays: number;
}

export const CSV_FILENAME = 'reliability-entities.csv';

/**
 * The leads' view (`GET /v1/coverage`, plus targets, history, movers,
 * heatmap, the entity list and its CSV export). Everything needs the basic
 * `reliability.coverage.read` permission.
 */
export function createCoverageRoutes(
  options: CoverageRoutesOptions,
): express.Router {
  const { httpAuth, permissions, logger, coverage, retentionDays } = options;
  const router = Router();
  const historySchema = historyQuerySchema(retentionDays);

  const authorize = async (req: Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireCoverageRead(permissions, credentials);
  };

  router.get('/v1/coverage', async (req, res) => {
    const query = parseQuery(coverageQuerySchema, req.query);
    await authorize(req);
    res.json(await coverage.getCoverage(query.groupBy, toFilter(query)));
  });

  router.get('/v1/coverage/targets', async (req, res) => {
    await authorize(req);
    res.json(await coverage.getTargets());
  });

  router.get('/v1/coverage/history', async (req, res) => {
    const query = parseQuery(historySchema, req.query);
    await authorize(req);
    res.json(
      await coverage.getHistory(query.groupBy, query.days, toFilter(query)),
    );
  });

  router.get('/v1/coverage/movers', async (req, res) => {
    const query = parseQuery(moversQuerySchema, req.query);
    await authorize(req);
    res.json(
      await coverage.getMovers(query.measure, toFilter(query), query.limit),
    );
  });

  router.get('/v1/coverage/heatmap', async (req, res) => {
    const query = parseQuery(heatmapQuerySchema, req.query);
    await authorize(req);
    res.json(await coverage.getHeatmap(toFilter(query)));
  });

  router.get('/v1/coverage/entities', async (req, res) => {
    const query = parseQuery(entityListQuerySchema, req.query);
    await authorize(req);
    res.json(
      await coverage.listEntities({
        filter: toFilter(query),
        sort: query.sort,
        order: query.order,
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  });

  router.get('/v1/coverage/entities.csv', async (req, res) => {
    const query = parseQuery(entityCsvQuerySchema, req.query);
    await authorize(req);
    const chunks = coverage.entityCsv({
      filter: toFilter(query),
      sort: query.sort,
      order: query.order,
    });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${CSV_FILENAME}"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    await streamChunks(res, chunks, logger);
  });

  return router;
}

/**
 * Writes chunks as they come, waiting for the socket to drain when its buffer is full, and
 * stops reading from the database as soon as the client goes away.
 */
async function streamChunks(
  res: Response,
  chunks: AsyncGenerator<string>,
  logger: LoggerService,
): Promise<void> {
  const closed = once(res, 'close');
  let isClosed = false;
  closed.then(
    () => {
      isClosed = true;
    },
    () => {
      isClosed = true;
    },
  );
  try {
    for await (const chunk of chunks) {
      if (isClosed) {
        break;
      }
      if (!res.write(chunk)) {
        await Promise.race([once(res, 'drain'), closed]);
      }
    }
    if (!isClosed) {
      res.end();
    }
  } catch (error) {
    if (!res.headersSent) {
      throw error;
    }
    // The status line is gone; cutting the connection is the only honest signal left.
    logger.error(`Coverage CSV export failed mid-stream: ${error}`);
    res.destroy(error as Error);
  } finally {
    await chunks.return(undefined);
  }
}
