import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusClient } from './PrometheusClient';

type Handler = (
  body: URLSearchParams,
  path: string,
  headers: Record<string, unknown>,
) => Promise<{ status: number; body: string }>;

async function serve(
  handler: Handler,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', chunk => (text += chunk));
    req.on('end', async () => {
      const answer = await handler(
        new URLSearchParams(text),
        req.url ?? '',
        req.headers,
      );
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

const success = (data: unknown) => ({
  status: 200,
  body: JSON.stringify({ status: 'success', data }),
});

describe('PrometheusClient', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(s => new Promise(resolve => s.close(resolve))),
    );
  });
  const client = async (
    handler: Handler,
    timeoutMs = 2000,
    concurrency = 2,
  ) => {
    const { url, server } = await serve(handler);
    servers.push(server);
    return new PrometheusClient({
      name: 'main',
      baseUrl: url,
      headers: { Authorization: 'Bearer t' },
      timeoutMs,
      concurrency,
    });
  };

  it('posts an instant query with its time and headers and reads the vector', async () => {
    let seen: { body?: URLSearchParams; path?: string; auth?: unknown } = {};
    const prometheus = await client(async (body, path, headers) => {
      seen = { body, path, auth: headers.authorization };
      return success({
        resultType: 'vector',
        result: [
          { metric: { a: '1' }, value: [1, '0.5'] },
          { metric: {}, value: [1, 'NaN'] },
        ],
      });
    });
    const samples = await prometheus.query(
      'sum(x)',
      new Date('2026-12-07T10:00:00Z'),
    );
    expect(seen.path).toBe('/api/v1/query');
    expect(seen.body?.get('query')).toBe('sum(x)');
    expect(seen.body?.get('time')).toBe('1796637600.000');
    expect(seen.auth).toBe('Bearer t');
    expect(samples[0]).toEqual({ metric: { a: '1' }, value: 0.5 });
    expect(samples[1].value).toBeNaN();
  });

  it('reads a range query', async () => {
    const prometheus = await client(async (body, path) => {
      expect(path).toBe('/api/v1/query_range');
      expect(body.get('step')).toBe('60');
      return success({
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1, '1'],
              [61, '+Inf'],
            ],
          },
        ],
      });
    });
    const series = await prometheus.queryRange(
      'x',
      new Date(0),
      new Date(61_000),
      60,
    );
    expect(series[0].values).toEqual([
      [1, 1],
      [61, Infinity],
    ]);
  });

  it('says the query was rejected, with Prometheus message', async () => {
    const prometheus = await client(async () => ({
      status: 400,
      body: JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: 'parse error at char 3',
      }),
    }));
    await expect(prometheus.query('su(', new Date())).rejects.toMatchObject({
      kind: 'bad_data',
      message: expect.stringMatching(
        /^Prometheus "main" \(http:\/\/127\.0\.0\.1:\d+\) rejected the query: bad_data: parse error at char 3$/,
      ),
    });
  });

  it('says which HTTP status a proxy answered with', async () => {
    const prometheus = await client(async () => ({
      status: 502,
      body: 'Bad gateway',
    }));
    await expect(prometheus.query('x', new Date())).rejects.toMatchObject({
      kind: 'http',
      message: expect.stringContaining('answered HTTP 502: Bad gateway'),
    });
  });

  it('rejects an answer that is not the query API', async () => {
    const prometheus = await client(async () => ({
      status: 200,
      body: '<html>',
    }));
    await expect(prometheus.query('x', new Date())).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('times out a slow instance', async () => {
    const prometheus = await client(
      () =>
        new Promise(resolve =>
          setTimeout(
            () => resolve(success({ resultType: 'vector', result: [] })),
            500,
          ),
        ),
      100,
    );
    await expect(prometheus.query('x', new Date())).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('did not answer within 0.1 s'),
    });
  });

  it('says an instance cannot be reached', async () => {
    const { url, server } = await serve(async () => success({}));
    await new Promise(resolve => server.close(resolve));
    const prometheus = new PrometheusClient({
      name: 'gone',
      baseUrl: url,
      timeoutMs: 2000,
      concurrency: 1,
    });
    await expect(prometheus.query('x', new Date())).rejects.toMatchObject({
      kind: 'unreachable',
      message: expect.stringContaining('cannot be reached: ECONNREFUSED'),
    });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const prometheus = await client(
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise(resolve => setTimeout(resolve, 20));
        inFlight--;
        return success({ resultType: 'vector', result: [] });
      },
      2000,
      2,
    );
    await Promise.all(
      Array.from({ length: 7 }, () => prometheus.query('x', new Date())),
    );
    expect(most).toBe(2);
  });
});
