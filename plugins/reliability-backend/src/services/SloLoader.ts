import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  CacheService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';
import {
  ANNOTATION_SLO_REF,
  parseSloFile,
  resolveSloRef,
  type Problem,
  type SloLoadResult,
  type SloParseResult,
} from '@reliability-suite/plugin-reliability-common';

export const DEFAULT_SLO_MAX_BYTES = 1024 * 1024;
export const DEFAULT_SLO_CACHE_TTL_SECONDS = 60;
export const DEFAULT_SLO_READ_TIMEOUT_MS = 10_000;
export const DEFAULT_SLO_FILE_CHECK_INTERVAL_MS = 2_000;
/** Parsed files kept in process, in front of the cache service (which stores them as JSON). */
const PARSED_MEMO_SIZE = 2_000;

/** Loads the SLO file of an entity. Implemented by {@link SloLoader}; faked in tests. */
export interface SloSource {
  /** Never throws: failures come back as status `unreachable` with a problem. */
  load(entity: Entity): Promise<SloLoadResult>;
  /**
   * Loads the files of many entities, reading each distinct file once (many services
   * share one SLO file). Results are in input order. Never throws.
   */
  loadMany?(
    entities: Entity[],
    concurrency?: number,
    options?: LoadManyOptions,
  ): Promise<SloLoadResult[]>;
}

export interface LoadManyOptions {
  /**
   * A full run's pages: a local file checked (`stat`) less than `fileCheckIntervalMs` ago
   * is not checked again. Without it every load checks, so a refresh sees an edit at once.
   */
  reuseRecentFileChecks?: boolean;
}

export interface SloLoaderOptions {
  urlReader: UrlReaderService;
  cache: CacheService;
  logger?: LoggerService;
  /** Files larger than this are reported and not parsed. */
  maxBytes?: number;
  /** How long a parsed remote file is served without asking the remote again. */
  cacheTtlSeconds?: number;
  /** Remote reads slower than this count as unreachable. */
  readTimeoutMs?: number;
  /**
   * How long a local file's last `stat` is trusted before its modification time is
   * checked again. Default: 2000 ms.
   */
  fileCheckIntervalMs?: number;
  /** The clock in milliseconds; injectable for tests. */
  now?: () => number;
}

interface FileCheck {
  stat: { isFile: boolean; size: number; mtimeMs: number } | { error: unknown };
  checkedAt: number;
}

type ResolvedTarget = {
  key: string;
  type: 'file' | 'url';
  target: string;
  raw: string;
};

/** A remote file as cached: kept past its freshness so its ETag can revalidate it. */
interface CachedRemote {
  fetchedAt: number;
  etag: string | null;
  result: SloParseResult;
}

const HOW_TO_FIX_UNREACHABLE =
  'Check that `reliability/slo-ref` points to an existing file (a path relative to catalog-info.yaml, or `url:<absolute URL>`) that the Backstage backend can read.';

function unreachable(location: string, message: string): SloLoadResult {
  return {
    status: 'unreachable',
    location,
    slos: [],
    problems: [
      {
        severity: 'error',
        message,
        field: ANNOTATION_SLO_REF,
        file: location,
        howToFix: HOW_TO_FIX_UNREACHABLE,
      },
    ],
  };
}

function tooLarge(location: string, size: number, maxBytes: number): Problem {
  return {
    severity: 'error',
    message: `SLO file ${location} is ${size} bytes, more than the ${maxBytes}-byte limit; it was not parsed`,
    field: ANNOTATION_SLO_REF,
    file: location,
    howToFix:
      'Split the SLO file, or raise `reliability.sloFiles.maxBytes` in app-config if the file really is this large.',
  };
}

function describeError(error: unknown): string {
  if (!isError(error)) {
    return String(error);
  }
  const code = (error as { code?: unknown }).code;
  if (error.name === 'NotFoundError') {
    return `not found (404): ${error.message}`;
  }
  return typeof code === 'string' && !error.message.includes(code)
    ? `${code}: ${error.message}`
    : error.message;
}

function toLocalPath(target: string): string {
  if (target.startsWith('file://')) {
    return fileURLToPath(target);
  }
  return target.startsWith('file:') ? target.slice('file:'.length) : target;
}

/**
 * Reads `reliability/slo-ref` targets: local files with fs (the UrlReader does not read
 * `file:` locations), remote ones with the UrlReader. Parsed files are cached with the
 * cache service: local files by path, mtime and size (so an edit is seen on the next
 * read), remote ones for `cacheTtlSeconds` and then revalidated with their ETag.
 */
export class SloLoader implements SloSource {
  readonly #urlReader: UrlReaderService;
  readonly #cache: CacheService;
  readonly #logger?: LoggerService;
  readonly #maxBytes: number;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  /** Concurrent loads of one file (entities sharing it in one page) share one read. */
  readonly #inFlight = new Map<string, Promise<SloLoadResult>>();
  /**
   * Recently parsed files by cache key, so a full run does not deserialize the same file
   * from the cache service for each of the hundreds of entities that share it.
   */
  readonly #parsed = new Map<string, SloParseResult>();
  /**
   * Each local file's last `stat`: a full run reads the same few hundred files for every
   * page of 500 entities, and a `stat` per file and page cost more than scoring did.
   */
  readonly #fileChecks = new Map<string, FileCheck>();
  readonly #fileCheckIntervalMs: number;
  readonly #now: () => number;

  static fromConfig(
    config: Config,
    deps: Omit<SloLoaderOptions, 'maxBytes' | 'cacheTtlSeconds'>,
  ): SloLoader {
    return new SloLoader({
      ...deps,
      maxBytes: config.getOptionalNumber('reliability.sloFiles.maxBytes'),
      cacheTtlSeconds: config.getOptionalNumber(
        'reliability.sloFiles.cacheTtlSeconds',
      ),
    });
  }

  constructor(options: SloLoaderOptions) {
    this.#urlReader = options.urlReader;
    this.#cache = options.cache;
    this.#logger = options.logger;
    this.#maxBytes = options.maxBytes ?? DEFAULT_SLO_MAX_BYTES;
    this.#ttlMs =
      (options.cacheTtlSeconds ?? DEFAULT_SLO_CACHE_TTL_SECONDS) * 1000;
    this.#timeoutMs = options.readTimeoutMs ?? DEFAULT_SLO_READ_TIMEOUT_MS;
    this.#fileCheckIntervalMs =
      options.fileCheckIntervalMs ?? DEFAULT_SLO_FILE_CHECK_INTERVAL_MS;
    this.#now = options.now ?? Date.now;
  }

  async load(entity: Entity): Promise<SloLoadResult> {
    const target = this.#resolve(entity);
    return 'result' in target ? target.result : this.#loadTarget(target);
  }

  async loadMany(
    entities: Entity[],
    concurrency = 8,
    options?: LoadManyOptions,
  ): Promise<SloLoadResult[]> {
    const reuse = options?.reuseRecentFileChecks ?? false;
    const targets = entities.map(entity => this.#resolve(entity));
    const distinct = new Map<string, ResolvedTarget>();
    for (const target of targets) {
      if (!('result' in target)) {
        distinct.set(target.key, target);
      }
    }
    const loaded = new Map<string, SloLoadResult>();
    const toLoad: ResolvedTarget[] = [];
    for (const target of distinct.values()) {
      // A full run's later pages: most files were checked and parsed moments ago, and
      // answering those at once skips a promise chain per file and page.
      const known = reuse && target.type === 'file' && this.#recentFile(target);
      if (known) {
        loaded.set(target.key, known);
      } else {
        toLoad.push(target);
      }
    }
    await mapWithConcurrency(toLoad, concurrency, async t => {
      loaded.set(t.key, await this.#loadTarget(t, reuse));
    });
    return targets.map(target =>
      'result' in target ? target.result : loaded.get(target.key)!,
    );
  }

  #resolve(entity: Entity): ResolvedTarget | { result: SloLoadResult } {
    const raw = entity.metadata.annotations?.[ANNOTATION_SLO_REF];
    if (raw === undefined || raw.trim() === '') {
      return { result: { status: 'absent', slos: [], problems: [] } };
    }
    try {
      const resolved = resolveSloRef(entity);
      if ('problem' in resolved) {
        return {
          result: {
            status: 'unreachable',
            location: raw,
            slos: [],
            problems: [resolved.problem],
          },
        };
      }
      return {
        key: `${resolved.type}:${resolved.target}`,
        type: resolved.type,
        target: resolved.target,
        raw,
      };
    } catch (error) {
      // Resolution is documented never to throw; this keeps load() from rejecting.
      return {
        result: unreachable(
          raw,
          `Could not resolve SLO file ${raw}: ${describeError(error)}`,
        ),
      };
    }
  }

  #loadTarget(
    target: ResolvedTarget,
    reuseRecentFileChecks = false,
  ): Promise<SloLoadResult> {
    // A load that must check the file does not join one that may skip the check.
    const key = reuseRecentFileChecks ? `${target.key}\0recent` : target.key;
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = (
        target.type === 'file'
          ? this.#loadFile(toLocalPath(target.target), reuseRecentFileChecks)
          : this.#loadUrl(target.target)
      ).catch(error => {
        // Parsing is documented never to throw; this guards the promise anyway.
        this.#logger?.warn(`Failed to load SLO file ${target.raw}: ${error}`);
        return unreachable(
          target.raw,
          `Could not load SLO file ${target.raw}: ${describeError(error)}`,
        );
      });
      this.#inFlight.set(key, pending);
      pending.finally(() => this.#inFlight.delete(key));
    }
    return pending;
  }

  #remember(key: string, parsed: SloParseResult) {
    if (this.#parsed.size >= PARSED_MEMO_SIZE) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.#parsed.delete(this.#parsed.keys().next().value!);
    }
    this.#parsed.set(key, parsed);
  }

  /** The file's `stat`; with `reuseRecent`, one at most `fileCheckIntervalMs` old. */
  async #checkFile(
    path: string,
    reuseRecent: boolean,
  ): Promise<FileCheck['stat']> {
    const now = this.#now();
    const known = this.#fileChecks.get(path);
    if (
      reuseRecent &&
      known &&
      now - known.checkedAt < this.#fileCheckIntervalMs
    ) {
      return known.stat;
    }
    let stat: FileCheck['stat'];
    try {
      const result = await fs.stat(path);
      stat = {
        isFile: result.isFile(),
        size: result.size,
        mtimeMs: result.mtimeMs,
      };
    } catch (error) {
      stat = { error };
    }
    if (this.#fileChecks.size >= PARSED_MEMO_SIZE && !known) {
      this.#fileChecks.delete(this.#fileChecks.keys().next().value!);
    }
    this.#fileChecks.set(path, { stat, checkedAt: now });
    return stat;
  }

  /**
   * A local file's result without I/O, when its last check is recent and it was parsed
   * since; undefined when it has to be loaded.
   */
  #recentFile(target: ResolvedTarget): SloLoadResult | undefined {
    const path = toLocalPath(target.target);
    const known = this.#fileChecks.get(path);
    if (!known || this.#now() - known.checkedAt >= this.#fileCheckIntervalMs) {
      return undefined;
    }
    const result = this.#resultOfCheckedFile(path, known.stat);
    return 'cacheKey' in result ? undefined : result;
  }

  /**
   * What a file's `stat` decides by itself (it is missing, not a file, too large, or
   * parsed already); otherwise the key its parsed form is cached under.
   */
  #resultOfCheckedFile(
    path: string,
    stat: FileCheck['stat'],
  ): SloLoadResult | { cacheKey: string } {
    const location = `file:${path}`;
    if ('error' in stat) {
      const error = stat.error;
      const code = (error as { code?: string }).code;
      return unreachable(
        location,
        code === 'ENOENT'
          ? `SLO file ${path} does not exist (ENOENT)`
          : `Could not read SLO file ${path}: ${describeError(error)}`,
      );
    }
    if (!stat.isFile) {
      return unreachable(location, `SLO file ${path} is not a file`);
    }
    if (stat.size > this.#maxBytes) {
      return {
        status: 'loaded',
        location,
        slos: [],
        problems: [tooLarge(location, stat.size, this.#maxBytes)],
      };
    }

    const cacheKey = `reliability:slo-file:${path}:${stat.mtimeMs}:${stat.size}`;
    const memo = this.#parsed.get(cacheKey);
    if (memo) {
      return { status: 'loaded', location, ...memo };
    }
    return { cacheKey };
  }

  async #loadFile(
    path: string,
    reuseRecentFileChecks: boolean,
  ): Promise<SloLoadResult> {
    const location = `file:${path}`;
    const stat = await this.#checkFile(path, reuseRecentFileChecks);
    const known = this.#resultOfCheckedFile(path, stat);
    if (!('cacheKey' in known)) {
      return known;
    }
    const { cacheKey } = known;
    const cached = await this.#cache.get<any>(cacheKey);
    if (cached) {
      this.#remember(cacheKey, cached as SloParseResult);
      return { status: 'loaded', location, ...(cached as SloParseResult) };
    }
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      return unreachable(
        location,
        `Could not read SLO file ${path}: ${describeError(error)}`,
      );
    }
    const parsed = parseSloFile(text, {
      file: location,
      maxBytes: this.#maxBytes,
    });
    this.#remember(cacheKey, parsed);
    await this.#cache.set(cacheKey, parsed as any, { ttl: this.#ttlMs });
    return { status: 'loaded', location, ...parsed };
  }

  async #loadUrl(url: string): Promise<SloLoadResult> {
    const cacheKey = `reliability:slo-url:${url}`;
    const cached = await this.#cache.get<any>(cacheKey);
    const previous = cached as CachedRemote | undefined;
    if (previous && Date.now() - previous.fetchedAt < this.#ttlMs) {
      return { status: 'loaded', location: url, ...previous.result };
    }

    let result: SloParseResult;
    let etag: string | null = null;
    try {
      const response = await this.#withTimeout(url, signal =>
        this.#urlReader.readUrl(url, {
          etag: previous?.etag ?? undefined,
          signal,
        }),
      );
      const buffer = await this.#withTimeout(url, () => response.buffer());
      etag = response.etag ?? null;
      result =
        buffer.length > this.#maxBytes
          ? {
              slos: [],
              problems: [tooLarge(url, buffer.length, this.#maxBytes)],
            }
          : parseSloFile(buffer.toString('utf8'), {
              file: url,
              maxBytes: this.#maxBytes,
            });
    } catch (error) {
      if (previous && isError(error) && error.name === 'NotModifiedError') {
        result = previous.result;
        etag = previous.etag;
      } else {
        return unreachable(
          url,
          `Could not read SLO file ${url}: ${describeError(error)}`,
        );
      }
    }

    const entry: CachedRemote = { fetchedAt: Date.now(), etag, result };
    // Kept well past freshness so the ETag can still save a download afterwards.
    await this.#cache.set(cacheKey, entry as any, {
      ttl: Math.max(this.#ttlMs * 10, 3_600_000),
    });
    return { status: 'loaded', location: url, ...result };
  }

  async #withTimeout<T>(
    url: string,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new Error(`timed out after ${this.#timeoutMs} ms reading ${url}`),
        );
      }, this.#timeoutMs);
    });
    try {
      return await Promise.race([run(controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
