import type { Readable } from 'node:stream';
import type {
  CacheService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Problem } from '@reliability-suite/plugin-reliability-common';
import { describeError, tooLarge, unreadable } from './problems';

export interface ReadUrlOptions {
  urlReader: UrlReaderService;
  cache: CacheService;
  maxBytes: number;
  cacheTtlSeconds: number;
  readTimeoutMs: number;
  now: () => number;
}

/** A remote file: its version and text, or why it could not be read. */
export type RemoteFile =
  | {
      version: string;
      read: { text: string } | { problem: Problem; unreachable: false };
    }
  | { problem: Problem; unreachable: true };

/** A remote file as cached: kept past its freshness so its ETag can revalidate it. */
interface CachedRemote {
  fetchedAt: number;
  etag: string | null;
  text: string | null;
}

class TooLargeError extends Error {}

/**
 * Reads a remote file through the UrlReader, at most `maxBytes` (counted while the body
 * streams in), serving it from the cache for `cacheTtlSeconds` and then asking again with
 * its ETag. A missing file is an error; any other failure a warning (it may pass).
 */
export async function readBoundedUrl(
  url: string,
  options: ReadUrlOptions,
): Promise<RemoteFile> {
  const cacheKey = `reliability:slo-url:${url}`;
  const previous = (await options.cache.get(cacheKey)) as
    | CachedRemote
    | undefined;
  const ttlMs = options.cacheTtlSeconds * 1000;
  if (previous && options.now() - previous.fetchedAt < ttlMs) {
    return toFile(url, previous, options.maxBytes);
  }
  let entry: CachedRemote;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // Not every UrlReader honours the signal: the timeout also rejects on its own.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('timed out'));
    }, options.readTimeoutMs);
  });
  try {
    const response = await Promise.race([
      options.urlReader.readUrl(url, {
        ...(previous?.etag && { etag: previous.etag }),
        signal: controller.signal,
      }),
      timeout,
    ]);
    const text = await Promise.race([
      bodyText(response, options.maxBytes).catch(error => {
        if (error instanceof TooLargeError) {
          return null;
        }
        throw error;
      }),
      timeout,
    ]);
    entry = { fetchedAt: options.now(), etag: response.etag ?? null, text };
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (previous && name === 'NotModifiedError') {
      entry = { ...previous, fetchedAt: options.now() };
    } else {
      const aborted = controller.signal.aborted;
      const problem = unreadable(
        url,
        aborted
          ? `could not be read (no answer within ${options.readTimeoutMs} ms)`
          : describeError(error),
      );
      // A flaky remote is not the entity's fault: only a missing file is an error.
      return {
        problem: {
          ...problem,
          severity: name === 'NotFoundError' ? 'error' : 'warning',
        },
        unreachable: true,
      };
    }
  } finally {
    clearTimeout(timer);
  }
  // Kept well past freshness so the ETag can still save a download afterwards.
  await options.cache.set(cacheKey, entry as any, {
    ttl: Math.max(ttlMs * 10, 3_600_000),
  });
  return toFile(url, entry, options.maxBytes);
}

function toFile(
  url: string,
  entry: CachedRemote,
  maxBytes: number,
): RemoteFile {
  return {
    version: entry.etag ?? `fetched:${entry.fetchedAt}`,
    read:
      entry.text === null
        ? { problem: tooLarge(url, maxBytes), unreachable: false }
        : { text: entry.text },
  };
}

async function bodyText(
  response: { buffer(): Promise<Buffer>; stream?(): Readable },
  maxBytes: number,
): Promise<string> {
  if (!response.stream) {
    const buffer = await response.buffer();
    if (buffer.length > maxBytes) {
      throw new TooLargeError();
    }
    return buffer.toString('utf8');
  }
  const stream = response.stream();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new TooLargeError();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
