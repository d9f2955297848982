/**
 * Benchmarks of the reliability backend: `yarn bench` at the repository root.
 *
 *   yarn bench [--sizes 10000,50000] [--pg postgresql://user@host:5432] [--no-sqlite]
 *              [--no-http] [--only scoring|evaluation|coverage]
 *
 * PostgreSQL runs when `--pg` or BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING is
 * given. Figures are printed as a table; README.md "## Performance" records them.
 *
 * Other benchmarks join by adding an entry to `benchmarks` below; each gets the context
 * and returns rows to print.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { coverageBenchmark } from './coverage';
import { benchEvaluation } from './evaluation';
import { benchReads } from './http';
import { scoringBenchmark } from './scoring';
import {
  createBenchDatabase,
  type BenchDatabase,
  type BenchDatabaseKind,
} from './benchServices';
import { writeSloFiles } from './syntheticCatalog';

export interface BenchContext {
  sizes: number[];
  databases: BenchDatabaseKind[];
  postgresUrl?: string;
  /** A temp folder with the synthetic catalog's SLO files. */
  workDir: string;
  catalogLocation: string;
  now: Date;
  http: boolean;
  /** A fresh, migrated database of the given kind; the caller destroys it. */
  createDatabase(
    kind: BenchDatabaseKind,
    label: string,
  ): Promise<BenchDatabase>;
}

export interface BenchRow {
  benchmark: string;
  database: string;
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

const evaluationAndReads: Benchmark = {
  name: 'evaluation',
  async run(context) {
    const rows: BenchRow[] = [];
    for (const kind of context.databases) {
      const entitiesTarget = kind === 'sqlite' ? 20_000 : 8_000;
      for (const size of context.sizes) {
        const db = await context.createDatabase(kind, `eval${size}`);
        try {
          const figures = await benchEvaluation({
            size,
            db,
            catalogLocation: context.catalogLocation,
            now: context.now,
          });
          const label = `${size.toLocaleString('en-US')} entities`;
          rows.push(
            {
              benchmark: label,
              database: kind,
              measure: 'full evaluation incl. writes',
              value: `${figures.entitiesPerSecond.toLocaleString(
                'en-US',
              )} ent/s (${figures.seconds.toFixed(2)} s, ${
                figures.written
              } written)`,
              target: `≥ ${entitiesTarget.toLocaleString('en-US')} ent/s`,
              met: figures.entitiesPerSecond >= entitiesTarget,
            },
            {
              benchmark: label,
              database: kind,
              measure: 'CPU per entity, full evaluation',
              value: `${
                figures.mainThreadMicrosPerEntity === undefined
                  ? ''
                  : `scoring thread ${figures.mainThreadMicrosPerEntity} µs, `
              }whole process ${figures.processMicrosPerEntity} µs${
                figures.postgresMicrosPerEntity === undefined
                  ? ''
                  : `, PostgreSQL server ${figures.postgresMicrosPerEntity} µs`
              }`,
            },
            {
              benchmark: label,
              database: kind,
              measure: 'unchanged re-run',
              value: `${
                figures.rerunWritten
              } writes (${figures.rerunSeconds.toFixed(2)} s)`,
              target: '0 writes',
              met: figures.rerunWritten === 0,
            },
            {
              benchmark: label,
              database: kind,
              measure: 'memory growth during evaluation',
              value: `peak heap ${signed(
                figures.heapGrowthMb,
              )} MB, peak RSS ${signed(
                figures.rssGrowthMb,
              )} MB, retained after GC ${signed(figures.retainedHeapMb)} MB`,
              target: '≤ 300 MB',
              met: Math.max(figures.heapGrowthMb, figures.rssGrowthMb) <= 300,
            },
          );
          if (context.http && size === Math.max(...context.sizes)) {
            const reads = await benchReads({
              connection: db.connection,
              size,
              catalogLocation: context.catalogLocation,
              now: context.now.toISOString(),
            });
            for (const figure of reads) {
              rows.push({
                benchmark: label,
                database: kind,
                measure: `report+gate over HTTP, ${figure.mode}`,
                value: `p50 ${figure.p50Ms} ms, p99 ${
                  figure.p99Ms
                } ms, ${figure.requestsPerSecond.toLocaleString(
                  'en-US',
                )} req/s, server CPU ${
                  figure.serverCpuMicrosPerRequest
                } µs/req, ${figure.errors} errors`,
                target: 'p50 ≤ 1 ms, p99 ≤ 10 ms',
                met:
                  figure.p50Ms <= 1 &&
                  figure.p99Ms <= 10 &&
                  figure.errors === 0,
              });
            }
          }
        } finally {
          await db.destroy();
        }
      }
    }
    return rows;
  },
};

/** Every benchmark `yarn bench` runs, in order. */
export const benchmarks: Benchmark[] = [
  scoringBenchmark,
  evaluationAndReads,
  coverageBenchmark,
];

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '10000,50000')
    .split(',')
    .map(s => Number(s.trim()))
    .filter(n => Number.isInteger(n) && n > 0);
  const postgresUrl =
    value('--pg') ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
  const databases: BenchDatabaseKind[] = [];
  if (!argv.includes('--no-sqlite')) databases.push('sqlite');
  if (postgresUrl) databases.push('postgres');
  return {
    sizes,
    postgresUrl,
    databases,
    http: !argv.includes('--no-http'),
    only: value('--only'),
  };
}

function signed(value: number): string {
  return value < 0 ? String(value) : `+${value}`;
}

function verdictOf(row: BenchRow): string {
  if (row.met === undefined) {
    return '';
  }
  return row.met ? 'met' : 'NOT MET';
}

function printRows(rows: BenchRow[]) {
  const header = ['benchmark', 'db', 'measure', 'value', 'target', ''];
  const table = [
    header,
    ...rows.map(row => [
      row.benchmark,
      row.database,
      row.measure,
      row.value,
      row.target ?? '',
      verdictOf(row),
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map(r => r[i].length)));
  for (const row of table) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const workDir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'reliability-bench-'),
  );
  try {
    const catalogLocation = await writeSloFiles(workDir);
    const context: BenchContext = {
      sizes: args.sizes,
      databases: args.databases,
      postgresUrl: args.postgresUrl,
      workDir,
      catalogLocation,
      now: new Date(),
      http: args.http,
      createDatabase: (kind, label) =>
        createBenchDatabase(kind, { postgresUrl: args.postgresUrl, label }),
    };
    console.log(
      `Reliability backend benchmark — Node ${process.version}, ${
        os.cpus().length
      } CPUs (${os.cpus()[0]?.model ?? 'unknown'}), sizes ${args.sizes.join(
        ', ',
      )}, databases ${context.databases.join(', ')}`,
    );
    if (!global.gc) {
      console.log('(run with --expose-gc for exact memory figures)');
    }
    const rows: BenchRow[] = [];
    for (const benchmark of benchmarks) {
      if (args.only && benchmark.name !== args.only) continue;
      rows.push(...(await benchmark.run(context)));
    }
    printRows(rows);
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
