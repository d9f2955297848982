import { promises as fs } from 'node:fs';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { isError, NotModifiedError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_SLO_REF,
  DEFAULT_SLO_FILE_MAX_BYTES,
  parseSloFile,
  Problem,
  resolveSloRef,
} from '@reliability-suite/plugin-reliability-common';

/** What is remembered of a remote SLO file between processing runs (JSON only). */
export interface SloFileMemo {
  target: string;
  etag: string | null;
  problems: Problem[];
}

export interface SloFileCheckResult {
  problems: Problem[];
  /** Remember this for the next run, to revalidate remote files by ETag. */
  memo: SloFileMemo | null;
}

export interface SloFileCheckerOptions {
  urlReader: UrlReaderService;
  maxBytes?: number;
  /** Reads a local file; Node's fs by default (the UrlReader does not read `file:`). */
  readLocalFile?: (path: string) => Promise<Buffer>;
}

/**
 * Reads and parses an entity's `reliability/slo-ref` file so its problems surface in the
 * catalog too. Remote files are asked for with their last ETag, so an unchanged file costs
 * a 304 and no parsing.
 */
export class SloFileChecker {
  readonly #urlReader: UrlReaderService;
  readonly #maxBytes: number;
  readonly #readLocalFile: (path: string) => Promise<Buffer>;

  constructor(options: SloFileCheckerOptions) {
    this.#urlReader = options.urlReader;
    this.#maxBytes = options.maxBytes ?? DEFAULT_SLO_FILE_MAX_BYTES;
    this.#readLocalFile = options.readLocalFile ?? (path => fs.readFile(path));
  }

  async check(
    entity: Entity,
    memo: SloFileMemo | undefined,
  ): Promise<SloFileCheckResult> {
    const resolved = resolveSloRef(entity);
    if ('problem' in resolved) {
      return { problems: [resolved.problem], memo: null };
    }
    if (resolved.type === 'file') {
      return { problems: await this.#checkLocal(resolved.target), memo: null };
    }
    return this.#checkRemote(resolved.target, memo);
  }

  async #checkLocal(path: string): Promise<Problem[]> {
    let buffer: Buffer;
    try {
      buffer = await this.#readLocalFile(path);
    } catch (error) {
      const missing =
        isError(error) && (error as NodeJS.ErrnoException).code === 'ENOENT';
      return [
        unreadable(path, missing ? 'does not exist' : describe(error), 'error'),
      ];
    }
    return this.#parse(buffer, path);
  }

  async #checkRemote(
    url: string,
    memo: SloFileMemo | undefined,
  ): Promise<SloFileCheckResult> {
    const previous = memo?.target === url ? memo : undefined;
    try {
      const response = await this.#urlReader.readUrl(url, {
        ...(previous?.etag && { etag: previous.etag }),
      });
      const problems = this.#parse(await response.buffer(), url);
      return {
        problems,
        memo: { target: url, etag: response.etag ?? null, problems },
      };
    } catch (error) {
      if (previous && isError(error) && error.name === NotModifiedError.name) {
        return { problems: previous.problems, memo: previous };
      }
      const notFound = isError(error) && error.name === NotFoundError.name;
      // A flaky remote is not the entity's fault: only a missing file is an error.
      return {
        problems: [
          unreadable(
            url,
            notFound ? 'does not exist' : describe(error),
            notFound ? 'error' : 'warning',
          ),
        ],
        memo: null,
      };
    }
  }

  #parse(buffer: Buffer, file: string): Problem[] {
    if (buffer.length > this.#maxBytes) {
      // Not decoded at all: the limit exists to keep huge files out of memory.
      return [
        {
          severity: 'error',
          field: ANNOTATION_SLO_REF,
          file,
          message: `${file} is larger than ${
            this.#maxBytes
          } bytes and was not parsed`,
          howToFix:
            'Split the SLOs into smaller files, one per service, or raise reliability.sloFiles.maxBytes.',
        },
      ];
    }
    return parseSloFile(buffer.toString('utf8'), {
      file,
      maxBytes: this.#maxBytes,
    }).problems.map(problem => ({
      ...problem,
      field: problem.field ?? ANNOTATION_SLO_REF,
    }));
  }
}

function describe(error: unknown): string {
  return `could not be read (${
    isError(error) ? error.message : String(error)
  })`;
}

function unreadable(
  location: string,
  what: string,
  severity: Problem['severity'],
): Problem {
  return {
    severity,
    field: ANNOTATION_SLO_REF,
    file: location,
    message: `The SLO file ${location} (${ANNOTATION_SLO_REF}) ${what}`,
    howToFix:
      'Point reliability/slo-ref to an existing file: a path relative to catalog-info.yaml, or url:<absolute URL> the Backstage backend can read.',
  };
}
