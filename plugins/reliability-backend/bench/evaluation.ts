import { ConfigReader } from '@backstage/config';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { DatabaseResultStore } from '../src/database/DatabaseResultStore';
import { CONTEXT_FIELDS } from '../src/services/CatalogContext';
import { EvaluationService } from '../src/services/EvaluationService';
import { SloFileReader } from '@reliability-suite/plugin-reliability-node';
import { InMemoryCatalog } from './InMemoryCatalog';
import { auth, createLogger, type BenchDatabase } from './benchServices';
import { generateCatalog } from './syntheticCatalog';
import { localPostgresCpuMicros, mainThreadCpuMicros } from './threadCpu';
import type { UrlReaderService } from '@backstage/backend-plugin-api';

const noRemoteFiles: UrlReaderService = {
  readUrl: async url => {
    throw new Error(`The benchmark reads only local files, not ${url}`);
  },
  readTree: async () => {
    throw new Error('not used');
  },
  search: async () => {
    throw new Error('not used');
  },
};

export interface EvaluationFigures {
  size: number;
  entities: number;
  seconds: number;
  entitiesPerSecond: number;
  written: number;
  rerunSeconds: number;
  rerunWritten: number;
  heapGrowthMb: number;
  rssGrowthMb: number;
  /** Heap still in use after the run and a full GC, over the baseline. */
  retainedHeapMb: number;
  /** CPU of the scoring (main) thread per entity in the first run, where measurable. */
  mainThreadMicrosPerEntity?: number;
  /** CPU of the whole process (all threads) per entity in the first run. */
  processMicrosPerEntity: number;
  /** CPU of a local PostgreSQL server per entity in the first run, where measurable. */
  postgresMicrosPerEntity?: number;
}

function megabytes(bytes: number) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/**
 * Generates a catalog of `size` components and evaluates it twice through the real
 * EvaluationService, SloFileReader (real files on disk, Backstage's memory cache) and
 * DatabaseResultStore: once from an empty database, once unchanged.
 */
export async function benchEvaluation(options: {
  size: number;
  db: BenchDatabase;
  catalogLocation: string;
  now: Date;
  seed?: number;
}): Promise<EvaluationFigures> {
  const { size, db, catalogLocation, now } = options;
  const synthetic = generateCatalog({
    size,
    seed: options.seed,
    catalogLocation,
    now,
  });
  const catalog = new InMemoryCatalog(synthetic.entities, {
    projectedFields: [[...CONTEXT_FIELDS]],
  });
  // Only the catalog's serialised form stays: the entity objects are garbage from here on.
  synthetic.entities.length = 0;
  const resultStore = await DatabaseResultStore.create({
    database: db.database,
    policy: defaultPolicy,
  });
  const cache = CacheManager.fromConfig(new ConfigReader({})).forPlugin(
    'reliability',
  );
  const service = new EvaluationService({
    catalog,
    auth,
    logger: createLogger(),
    policy: defaultPolicy,
    sloSource: new SloFileReader({ urlReader: noRemoteFiles, cache }),
    resultStore,
    reviewFacts: synthetic.reviewFacts,
    pageSize: process.env.BENCH_PAGE_SIZE
      ? Number(process.env.BENCH_PAGE_SIZE)
      : undefined,
  });

  global.gc?.();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  }, 10);

  const postgresCpu = () =>
    db.kind === 'postgres' && db.connection.url
      ? localPostgresCpuMicros(db.connection.url)
      : undefined;
  const postgresCpuBefore = postgresCpu();
  const threadCpuBefore = mainThreadCpuMicros();
  const processCpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const first = await service.evaluateAll();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const processCpu = process.cpuUsage(processCpuBefore);
  const threadCpuAfter = mainThreadCpuMicros();
  const postgresCpuAfter = postgresCpu();
  clearInterval(sampler);
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakRss = Math.max(peakRss, usage.rss);

  global.gc?.();
  const retainedHeap = process.memoryUsage().heapUsed - baseline.heapUsed;

  const rerunStarted = process.hrtime.bigint();
  const rerun = await service.evaluateAll();
  const rerunSeconds = Number(process.hrtime.bigint() - rerunStarted) / 1e9;

  return {
    size,
    entities: first.evaluated,
    seconds,
    entitiesPerSecond: Math.round(first.evaluated / seconds),
    written: first.written,
    rerunSeconds,
    rerunWritten: rerun.written,
    heapGrowthMb: megabytes(peakHeap - baseline.heapUsed),
    rssGrowthMb: megabytes(peakRss - baseline.rss),
    retainedHeapMb: megabytes(retainedHeap),
    mainThreadMicrosPerEntity:
      threadCpuBefore !== undefined && threadCpuAfter !== undefined
        ? Math.round((threadCpuAfter - threadCpuBefore) / first.evaluated)
        : undefined,
    processMicrosPerEntity: Math.round(
      (processCpu.user + processCpu.system) / first.evaluated,
    ),
    postgresMicrosPerEntity:
      postgresCpuBefore !== undefined && postgresCpuAfter !== undefined
        ? Math.round((postgresCpuAfter - postgresCpuBefore) / first.evaluated)
        : undefined,
  };
}
