/**
 * Coverage benchmark: 50,000 in-scope entities (plus 5,000 out of scope) with their check
 * states, a four-level tree of ~300 groups and 400 days of daily coverage, on SQLite (file)
 * and PostgreSQL. Measures over HTTP (a real express app with the coverage routes):
 * coverage by tier and by owner, a page of the entity list, and the CSV export of all 50,000
 * rows with the process's peak RSS growth while it streams.
 *
 * Part of `yarn bench` (bench/run.ts); alone: `node --expose-gc -r
 * @backstage/cli/config/nodeTransform.cjs bench/coverage.ts [--pg <url>]`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ConfigReader } from '@backstage/config';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { DatabaseCoverageStore } from '../src/database/DatabaseCoverageStore';
import { createCoverageRoutes } from '../src/router/coverageRoutes';
import { CoverageService } from '../src/services/CoverageService';
import { utcDay } from '../src/services/CoverageSnapshotService';
import {
  allowAll,
  createBenchDatabase,
  createLogger,
  httpAuth,
  type BenchDatabaseKind,
} from './benchServices';
import { fillCoverageData } from './coverageData';
import type { Benchmark, BenchRow } from './run';

const IN_SCOPE = 50_000;
const DAYS = 400;
const ITERATIONS = 200;
const PAGE_ITERATIONS = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(
  port: number,
  path: string,
  onData?: (chunk: Buffer) => void,
): Promise<{ status: number; body: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: keepAlive }, res => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (onData) onData(chunk);
          else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            bytes,
          }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Latencies of sequential requests (after a warm-up), in ms. */
async function measure(port: number, paths: string[], iterations: number) {
  for (const path of paths) {
    const warm = await get(port, path);
    if (warm.status !== 200) {
      throw new Error(`GET ${path} answered ${warm.status}: ${warm.body}`);
    }
  }
  const timings: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const path = paths[i % paths.length];
    const started = process.hrtime.bigint();
    await get(port, path);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p99: percentile(timings, 99) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function benchOne(
  kind: BenchDatabaseKind,
  postgresUrl: string | undefined,
): Promise<BenchRow[]> {
  const db = await createBenchDatabase(kind, {
    postgresUrl,
    label: 'coverage',
  });
  const logger = createLogger();
  let server: http.Server | undefined;
  try {
    const store = await DatabaseCoverageStore.create({ database: db.database });
    const today = utcDay(new Date());
    const data = await fillCoverageData({
      knex: db.knex,
      store,
      inScope: IN_SCOPE,
      days: DAYS,
      today,
    });
    const snapshotStarted = Date.now();
    await store.writeDailySnapshot(today);
    const snapshotMs = Date.now() - snapshotStarted;

    const coverage = new CoverageService({
      store,
      policy: defaultPolicy,
      targets: [{ tier: 1, measure: 'withSlo', target: 0.8, by: '2027-06-30' }],
    });
    const app = express();
    app.use(
      '/api/reliability',
      createCoverageRoutes({
        httpAuth,
        permissions: allowAll,
        logger,
        coverage,
        retentionDays: DAYS,
      }),
    );
    app.use(
      MiddlewareFactory.create({
        config: new ConfigReader({}),
        logger,
      }).error(),
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise(resolve => server!.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    const base = '/api/reliability/v1/coverage';

    const byTier = await measure(port, [`${base}?groupBy=tier`], ITERATIONS);
    const byOwner = await measure(port, [`${base}?groupBy=owner`], ITERATIONS);
    // What the Team reliability card asks for one team: its coverage by tier.
    const oneTeam = await measure(
      port,
      [`${base}?groupBy=tier&owner=group:default/team-1-2-3`],
      ITERATIONS,
    );
    const pageOf = async (path: string) => {
      const response = await get(port, path);
      return JSON.parse(response.body) as { nextCursor: string | null };
    };
    // Pages 2-6 of the default view, as someone paging through would request them.
    const cursorPaths: string[] = [];
    let cursor = (await pageOf(`${base}/entities?limit=50`)).nextCursor;
    while (cursor && cursorPaths.length < 5) {
      const path = `${base}/entities?limit=50&cursor=${encodeURIComponent(
        cursor,
      )}`;
      cursorPaths.push(path);
      cursor = (await pageOf(path)).nextCursor;
    }
    const pageVariants: Array<[string, string[]]> = [
      [
        'first page, default view (production, by name)',
        [`${base}/entities?limit=50`],
      ],
      ['next pages (cursor), default view', cursorPaths],
      [
        'tier 1, by score descending',
        [`${base}/entities?tier=1&sort=score&order=desc&limit=50`],
      ],
      [
        'a division (73 groups) missing an SLO, by tier',
        [
          `${base}/entities?owner=group:default/division-1&missing=withSlo&sort=tier&limit=50`,
        ],
      ],
      [
        "one team's services, by name",
        [`${base}/entities?owner=group:default/team-1-2-3&limit=50`],
      ],
      [
        'failing check runbook, not ready, by verdict',
        [
          `${base}/entities?failingCheck=runbook&verdict=not-ready&sort=verdict&limit=50`,
        ],
      ],
    ];
    const pages: Array<[string, { p50: number; p99: number }]> = [];
    for (const [name, paths] of pageVariants) {
      pages.push([name, await measure(port, paths, PAGE_ITERATIONS)]);
    }
    const history = await measure(
      port,
      [`${base}/history?groupBy=tier&days=90`],
      20,
    );
    const heatmap = await measure(port, [`${base}/heatmap`], 20);
    const targets = await measure(port, [`${base}/targets`], 20);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 20);
    let lines = 0;
    const csvStarted = Date.now();
    const csv = await get(port, `${base}/entities.csv?lifecycle=*`, chunk => {
      for (const byte of chunk) if (byte === 10) lines += 1;
    });
    const csvSeconds = (Date.now() - csvStarted) / 1000;
    clearInterval(sampler);
    const rssGrowthMb = Math.round((rssPeak - rssBefore) / 1e6);
    const csvRows = lines - 1;

    const label = `${IN_SCOPE.toLocaleString('en-US')} entities, ${DAYS} days`;
    const row = (
      measureName: string,
      value: string,
      target?: string,
      met?: boolean,
    ): BenchRow => ({
      benchmark: label,
      database: kind,
      measure: measureName,
      value,
      target,
      met,
    });
    return [
      row(
        'coverage data',
        `${data.results.toLocaleString(
          'en-US',
        )} results, ${data.checkStates.toLocaleString(
          'en-US',
        )} failing, unknown or waived checks, ${
          data.groups
        } groups, ${data.dailyRowsPerDay.toLocaleString(
          'en-US',
        )} daily rows/day (${data.dailyRows.toLocaleString(
          'en-US',
        )} total), generated in ${data.generateSeconds.toFixed(0)} s`,
      ),
      row('daily snapshot (INSERT ... SELECT)', `${snapshotMs} ms`),
      row(
        'coverage by tier over HTTP',
        `p50 ${ms(byTier.p50)}, p99 ${ms(byTier.p99)}`,
        'p99 ≤ 100 ms',
        byTier.p99 <= 100,
      ),
      row(
        'coverage by owner (roll-up) over HTTP',
        `p50 ${ms(byOwner.p50)}, p99 ${ms(byOwner.p99)}`,
        'p99 ≤ 100 ms',
        byOwner.p99 <= 100,
      ),
      row(
        'coverage of one team by tier (Team reliability card) over HTTP',
        `p50 ${ms(oneTeam.p50)}, p99 ${ms(oneTeam.p99)}`,
        'p99 ≤ 100 ms',
        oneTeam.p99 <= 100,
      ),
      ...pages.map(([name, figures]) =>
        row(
          `entity list page: ${name}`,
          `p50 ${ms(figures.p50)}, p99 ${ms(figures.p99)}`,
          'p99 ≤ 50 ms',
          figures.p99 <= 50,
        ),
      ),
      row(
        'CSV export over HTTP',
        `${csvRows.toLocaleString('en-US')} rows, ${(csv.bytes / 1e6).toFixed(
          1,
        )} MB in ${csvSeconds.toFixed(2)} s, peak RSS +${rssGrowthMb} MB`,
        '50,000 rows < 5 s, flat memory',
        csv.status === 200 &&
          csvRows === IN_SCOPE &&
          csvSeconds < 5 &&
          rssGrowthMb <= 100,
      ),
      row(
        'history by tier, 90 days',
        `p50 ${ms(history.p50)}, p99 ${ms(history.p99)}`,
      ),
      row(
        'heatmap (top two levels)',
        `p50 ${ms(heatmap.p50)}, p99 ${ms(heatmap.p99)}`,
      ),
      row(
        'targets (1 target, 90-day trend)',
        `p50 ${ms(targets.p50)}, p99 ${ms(targets.p99)}`,
      ),
    ];
  } finally {
    server?.close();
    keepAlive.destroy();
    await db.destroy();
  }
}

export const coverageBenchmark: Benchmark = {
  name: 'coverage',
  async run(context) {
    const rows: BenchRow[] = [];
    for (const kind of context.databases) {
      rows.push(...(await benchOne(kind, context.postgresUrl)));
    }
    return rows;
  },
};

function metLabel(met: boolean | undefined): string {
  if (met === undefined) return '';
  return met ? 'met' : 'NOT MET';
}

if (require.main === module) {
  const index = process.argv.indexOf('--pg');
  const postgresUrl =
    index >= 0
      ? process.argv[index + 1]
      : process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
  const databases: BenchDatabaseKind[] = postgresUrl
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  (async () => {
    for (const kind of databases) {
      for (const row of await benchOne(kind, postgresUrl)) {
        console.log(
          [
            row.database,
            row.measure,
            row.value,
            row.target ?? '',
            metLabel(row.met),
          ]
            .filter(Boolean)
            .join(' | '),
        );
      }
    }
  })().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
