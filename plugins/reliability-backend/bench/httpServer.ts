/**
 * The HTTP side of the read benchmark, run in its own process (forked by http.ts) so the
 * load generator does not share the server's event loop: a real express app with the
 * plugin's router over the database the evaluation benchmark filled.
 */
import express from 'express';
import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { DatabaseResultStore } from '../src/database/DatabaseResultStore';
import { createReportRoutes } from '../src/router/reportRoutes';
import { EvaluationService } from '../src/services/EvaluationService';
import { ReportService } from '../src/services/ReportService';
import { InMemoryCatalog } from './InMemoryCatalog';
import {
  allowAll,
  auth,
  connect,
  createLogger,
  httpAuth,
  type BenchDatabase,
} from './benchServices';
import { generateCatalog } from './syntheticCatalog';

export interface ServerOptions {
  connection: BenchDatabase['connection'];
  size: number;
  seed?: number;
  catalogLocation: string;
  now: string;
}

/**
 * The routes also ask whether the caller is a service (it is, see httpAuth): the check
 * Backstage's auth service makes, on the principal's type.
 */
const routeAuth: Pick<AuthService, 'isPrincipal' | 'getOwnServiceCredentials'> =
  {
    getOwnServiceCredentials: auth.getOwnServiceCredentials,
    isPrincipal: ((credentials: BackstageCredentials, type: string) =>
      type === 'unknown' ||
      (credentials.principal as { type: string }).type ===
        type) as AuthService['isPrincipal'],
  };

async function serve(options: ServerOptions) {
  const knex = connect(options.connection);
  const logger = createLogger();
  const synthetic = generateCatalog({
    size: options.size,
    seed: options.seed,
    catalogLocation: options.catalogLocation,
    now: new Date(options.now),
  });
  const catalog = new InMemoryCatalog(synthetic.entities);
  const resultStore = await DatabaseResultStore.create({
    database: { getClient: async () => knex },
    policy: defaultPolicy,
    skipMigrations: true,
  });
  const evaluator = new EvaluationService({
    catalog,
    auth,
    logger,
    policy: defaultPolicy,
    sloSource: {
      load: async () => ({ status: 'absent', slos: [], problems: [] }),
    },
    resultStore,
    reviewFacts: synthetic.reviewFacts,
  });
  const reports = new ReportService({ resultStore, evaluator });
  // The report routes exactly as the plugin mounts them (createRouter adds the review and
  // coverage routes beside them, which these requests never reach).
  const router = createReportRoutes({
    httpAuth,
    auth: routeAuth,
    permissions: allowAll,
    catalog,
    reports,
  });
  const middleware = MiddlewareFactory.create({
    config: new ConfigReader({}),
    logger: withLoggedErrors(logger),
  });
  const app = express();
  app.use('/api/reliability', express.json({ limit: '100kb' }), router);
  app.use(middleware.error());
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({
      port: typeof address === 'object' && address ? address.port : 0,
    });
  });
  server.keepAliveTimeout = 60_000;
  process.on('disconnect', () => process.exit(0));
}

/** The error middleware logs the error as the meta argument, which a bench logger drops. */
function withLoggedErrors(logger: LoggerService): LoggerService {
  let logged = 0;
  const wrapped: LoggerService = {
    ...logger,
    error: (message, meta) => {
      // The first few are enough to see what went wrong, without flooding the output.
      if (logged++ < 3) {
        console.error(message, meta);
      }
    },
    child: () => wrapped,
  };
  return wrapped;
}

process.on('message', (message: ServerOptions | 'cpu') => {
  if (message === 'cpu') {
    // The server's own CPU time lets the parent report cost per request, a figure that
    // holds up better than latency on a busy machine.
    process.send?.({ cpu: process.cpuUsage() });
    return;
  }
  serve(message).catch(error => {
    console.error(error);
    process.exit(1);
  });
});
