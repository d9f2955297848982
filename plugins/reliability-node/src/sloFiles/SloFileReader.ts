import type {
  CacheService,
  LoggerService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_SLO_REF,
  DEFAULT_SLO_FILE_MAX_BYTES,
  parseSloFiles,
  type Problem,
  type SloFileText,
  type SloLoadResult,
  type SloParseResult,
} from '@reliability-suite/plugin-reliability-common';
import {
  localFileStates,
  remoteFileStates,
  type FileState,
} from './fileStates';
import { resolveSloLocations } from './resolveSloLocations';
import { describeError, unreadable } from './problems';

export const DEFAULT_SLO_CACHE_TTL_SECONDS = 60;
export const DEFAULT_SLO_READ_TIMEOUT_MS = 10_000;
export const DEFAULT_SLO_FILE_CHECK_INTERVAL_MS = 2_000;
export const DEFAULT_SLO_FOLDER_MAX_FILES = 50;
/** Parsed results kept in process, so entities sharing files parse them once. */
const MEMO_SIZE = 2_000;

/** What {@link SloFileReader.load} answers. */
export type SloReadResult = SloLoadResult;

export interface LoadManyOptions {
  /**
   * A full run's pages: a local file checked less than `fileCheckIntervalMs` ago is not
   * checked again. Without it every load checks, so a refresh sees an edit at once.
   */
  reuseRecentFileChecks?: boolean;
}

/** Loads the SLO files of entities. Implemented by {@link SloFileReader}; faked in tests. */
export interface SloSource {
  /** Never throws: failures come back as status `unreachable` with a problem. */
  load(entity: Entity): Promise<SloReadResult>;
  /** Loads many entities' files, each distinct set once. In input order; never throws. */
  loadMany?(
    entities: Entity[],
    concurrency?: number,
    options?: LoadManyOptions,
  ): Promise<SloReadResult[]>;
}

export interface SloFileReaderOptions {
  urlReader: UrlReaderService;
  cache: CacheService;
  logger?: LoggerService;
  /** Files larger than this are reported and not parsed; enforced while reading. */
  maxBytes?: number;
  /** At most this many files are read from one folder. */
  maxFolderFiles?: number;
  /** Directories (absolute paths or URL prefixes) relative refs may read besides their own tree. */
  allowedDirectories?: string[];
  /** How long a remote file is served without asking the remote again. */
  cacheTtlSeconds?: number;
  /** Remote reads slower than this count as unreachable. */
  readTimeoutMs?: number;
  /** How long a local file's last check is trusted by `reuseRecentFileChecks`. */
  fileCheckIntervalMs?: number;
  now?: () => number;
}

/**
 * The one reader of `reliability/slo-ref` files, for the catalog module and the backend.
 * Local files are read only when they are regular files inside the allowed directories
 * (after following symlinks), with the size limit enforced while reading; remote files go
 * through the UrlReader, cached for `cacheTtlSeconds` and then revalidated by ETag.
 */
export class SloFileReader implements SloSource {
  readonly #options: Required<
    Omit<SloFileReaderOptions, 'logger' | 'allowedDirectories'>
  >;
  readonly #logger?: LoggerService;
  readonly #allowed: string[];
  readonly #inFlight = new Map<string, Promise<SloReadResult>>();
  readonly #parsed = new Map<string, SloParseResult>();
  readonly #checks = new Map<string, { at: number; state: FileState[] }>();

  static fromConfig(
    config: RootConfigService,
    deps: Pick<SloFileReaderOptions, 'urlReader' | 'cache' | 'logger'>,
  ): SloFileReader {
    return new SloFileReader({
      ...deps,
      maxBytes: config.getOptionalNumber('reliability.sloFiles.maxBytes'),
      cacheTtlSeconds: config.getOptionalNumber(
        'reliability.sloFiles.cacheTtlSeconds',
      ),
      allowedDirectories: config.getOptionalStringArray(
        'reliability.sloFiles.allowedDirectories',
      ),
    });
  }

  constructor(options: SloFileReaderOptions) {
    this.#logger = options.logger;
    this.#allowed = options.allowedDirectories ?? [];
    this.#options = {
      urlReader: options.urlReader,
      cache: options.cache,
      maxBytes: options.maxBytes ?? DEFAULT_SLO_FILE_MAX_BYTES,
      maxFolderFiles: options.maxFolderFiles ?? DEFAULT_SLO_FOLDER_MAX_FILES,
      cacheTtlSeconds: options.cacheTtlSeconds ?? DEFAULT_SLO_CACHE_TTL_SECONDS,
      readTimeoutMs: options.readTimeoutMs ?? DEFAULT_SLO_READ_TIMEOUT_MS,
      fileCheckIntervalMs:
        options.fileCheckIntervalMs ?? DEFAULT_SLO_FILE_CHECK_INTERVAL_MS,
      now: options.now ?? Date.now,
    };
  }

  load(entity: Entity): Promise<SloReadResult> {
    return this.#load(entity, false);
  }

  async loadMany(
    entities: Entity[],
    concurrency = 8,
    options?: LoadManyOptions,
  ): Promise<SloReadResult[]> {
    const reuse = options?.reuseRecentFileChecks ?? false;
    const results: SloReadResult[] = new Array(entities.length);
    let next = 0;
    const worker = async () => {
      while (next < entities.length) {
        const index = next++;
        results[index] = await this.#load(entities[index], reuse);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return results;
  }

  #load(entity: Entity, reuse: boolean): Promise<SloReadResult> {
    const annotations = entity.metadata.annotations ?? {};
    const raw = annotations[ANNOTATION_SLO_REF];
    if (raw === undefined || raw.trim() === '') {
      return Promise.resolve({ status: 'absent', slos: [], problems: [] });
    }
    // Entities sharing a ref and a catalog file share one load.
    const key = [
      raw,
      annotations[ANNOTATION_MANAGED_BY_LOCATION],
      annotations[ANNOTATION_ORIGIN_LOCATION],
      reuse,
    ].join('\0');
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#read(entity, key, reuse).catch(error => {
        this.#logger?.warn(`Failed to load SLO files ${raw}: ${error}`);
        return {
          status: 'unreachable' as const,
          location: raw,
          slos: [],
          problems: [unreadable(raw, describeError(error))],
        };
      });
      this.#inFlight.set(key, pending);
      pending.finally(() => this.#inFlight.delete(key));
    }
    return pending;
  }

  async #read(
    entity: Entity,
    key: string,
    reuse: boolean,
  ): Promise<SloReadResult> {
    const known = this.#checks.get(key);
    let states: FileState[];
    if (
      reuse &&
      known &&
      this.#options.now() - known.at < this.#options.fileCheckIntervalMs
    ) {
      states = known.state;
    } else {
      states = await this.#states(entity);
      // Only local checks are kept: a remote state holds its text, and the cache service
      // already answers remote files without a request while they are fresh.
      if (states.every(state => state.location.startsWith('file:'))) {
        remember(this.#checks, key, { at: this.#options.now(), state: states });
      }
    }

    const location = states.map(state => state.location).join(', ');
    const problems: Problem[] = [];
    const readable: Array<Extract<FileState, { version: string }>> = [];
    let unreachable = false;
    for (const state of states) {
      if ('problem' in state) {
        problems.push(state.problem);
        unreachable ||= state.unreachable;
      } else {
        readable.push(state);
      }
    }
    const parseKey = readable
      .map(state => `${state.location}\0${state.version}`)
      .join('\n');
    let parsed = this.#parsed.get(parseKey);
    if (!parsed) {
      const texts: SloFileText[] = [];
      for (const state of readable) {
        const read = await state.text();
        if ('problem' in read) {
          problems.push(read.problem);
          unreachable ||= read.unreachable;
        } else {
          texts.push({ location: state.location, text: read.text });
        }
      }
      parsed = parseSloFiles(texts);
      if (texts.length === readable.length) {
        remember(this.#parsed, parseKey, parsed);
      }
    }
    return {
      status: unreachable ? 'unreachable' : 'loaded',
      location,
      slos: parsed.slos,
      problems: [...problems, ...parsed.problems],
    };
  }

  /** Resolves the annotation and checks every file it names, without reading them. */
  async #states(entity: Entity): Promise<FileState[]> {
    const states: FileState[] = [];
    for (const resolved of resolveSloLocations(entity, this.#allowed)) {
      if ('problem' in resolved) {
        const location =
          resolved.problem.file ??
          entity.metadata.annotations?.[ANNOTATION_SLO_REF] ??
          '';
        states.push({ location, problem: resolved.problem, unreachable: true });
      } else if (resolved.type === 'file') {
        states.push(...(await localFileStates(resolved, this.#options)));
      } else {
        states.push(...(await remoteFileStates(resolved, this.#options)));
      }
    }
    return states;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V) {
  if (map.size >= MEMO_SIZE && !map.has(key)) {
    // Maps iterate in insertion order: drop the oldest entry.
    map.delete(map.keys().next().value!);
  }
  map.set(key, value);
}
