/** A vendor answered with an error or could not be reached; `status` is the HTTP status, if any. */
export class VendorError extends Error {
  constructor(
    readonly vendor: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${vendor}: ${message}`);
    this.name = 'VendorError';
  }
}

export interface VendorHttpOptions {
  vendor: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** The longest Retry-After honoured before giving up. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Retries after 429. Default 2. */
  maxRetries?: number;
  /** Injected for tests; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(
  value: string | null,
  now: number,
): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * GETs JSON from a vendor API with its auth headers, a timeout, and on 429 waits as long as
 * Retry-After says (bounded) before trying again. Returns undefined on 404 (the caller
 * decides what a missing object means); throws a VendorError on any other failure.
 */
export async function getVendorJson<T>(
  options: VendorHttpOptions,
  path: string,
  query?: URLSearchParams,
): Promise<T | undefined> {
  const url = new URL(
    path.replace(/^\//, ''),
    `${options.baseUrl.replace(/\/+$/, '')}/`,
  );
  if (query) {
    url.search = query.toString();
  }
  const maxRetries = options.maxRetries ?? 2;
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Accept: 'application/json', ...options.headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new VendorError(
        options.vendor,
        `could not reach ${url.origin} (${(error as Error).message})`,
      );
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (response.status === 429) {
      await response.body?.cancel();
      const wait =
        retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? 1000;
      if (attempt < maxRetries && wait <= (options.maxRetryAfterMs ?? 30_000)) {
        await sleep(wait);
        continue;
      }
      throw new VendorError(options.vendor, 'rate limited (429)', 429);
    }
    if (!response.ok) {
      await response.body?.cancel();
      const hint =
        response.status === 401 || response.status === 403
          ? ' (check the API token in app-config)'
          : '';
      throw new VendorError(
        options.vendor,
        `answered ${response.status} for ${url.pathname}${hint}`,
        response.status,
      );
    }
    try {
      return (await response.json()) as T;
    } catch {
      throw new VendorError(
        options.vendor,
        `sent invalid JSON for ${url.pathname}`,
      );
    }
  }
}
