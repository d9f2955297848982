import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake vendor saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface VendorReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A loopback HTTP server (port 0) for a fake vendor API. `route` answers authorised requests;
 * `authorize` returns an error reply for a bad credential. Tests can make the next requests
 * fail (`failNext`) to play rate limits and outages, and read what was asked (`requests`).
 */
export async function startFakeVendor(options: {
  authorize(request: SeenRequest): VendorReply | undefined;
  route(request: SeenRequest): VendorReply;
}) {
  const requests: SeenRequest[] = [];
  const failures: VendorReply[] = [];
  let outage: VendorReply | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    const reply =
      outage ??
      failures.shift() ??
      options.authorize(seen) ??
      options.route(seen);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      ...reply.headers,
    });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** The next requests get these replies, in order (e.g. a 429 with Retry-After). */
    failNext(...replies: VendorReply[]) {
      failures.push(...replies);
    },
    /** Every request gets this reply until cleared (undefined). */
    setOutage(reply: VendorReply | undefined) {
      outage = reply;
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}

export type FakeVendor = Awaited<ReturnType<typeof startFakeVendor>>;

/** Offset pagination as PagerDuty documents it: `limit` (default 25, at most 100), `offset`, `more`. */
export function pdPage<T>(
  key: string,
  items: T[],
  query: URLSearchParams,
): Record<string, unknown> {
  const limit = Math.min(Number(query.get('limit') ?? 25) || 25, 100);
  const offset = Number(query.get('offset') ?? 0) || 0;
  return {
    [key]: items.slice(offset, offset + limit),
    limit,
    offset,
    more: offset + limit < items.length,
    total: query.get('total') === 'true' ? items.length : null,
  };
}
