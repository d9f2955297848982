import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import { ReliabilityClient, entityPath } from './ReliabilityClient';

const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(response: Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response,
  );
  const client = new ReliabilityClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage:7007' }),
    fetchApi: { fetch: fetch as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('ReliabilityClient', () => {
  it('fetches the report from the entity report path', async () => {
    const report = { entityRef: 'component:default/checkout', problems: [] };
    const { client, fetch } = setup(jsonResponse(200, report));

    await expect(client.getReport(checkout)).resolves.toEqual(report);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/reliability/v1/entities/Component/default/checkout/report',
      undefined,
    );
  });

  it('fetches the gate decision', async () => {
    const gate = { decision: 'block', reasons: ['oncall is fail'] };
    const { client, fetch } = setup(jsonResponse(200, gate));

    await expect(client.getGate(checkout)).resolves.toEqual(gate);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage:7007/api/reliability/v1/entities/Component/default/checkout/gate',
    );
  });

  it('posts a refresh and returns the fresh report', async () => {
    const report = { entityRef: 'component:default/checkout' };
    const { client, fetch } = setup(jsonResponse(200, report));

    await expect(client.refresh(checkout)).resolves.toEqual(report);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/reliability/v1/entities/Component/default/checkout/refresh',
      { method: 'POST' },
    );
  });

  it('throws a ResponseError carrying the backend error on non-2xx', async () => {
    const { client } = setup(
      jsonResponse(404, {
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/gone',
        },
        request: {
          method: 'GET',
          url: '/v1/entities/component/default/gone/report',
        },
        response: { statusCode: 404 },
      }),
    );

    const error = await client
      .getReport({ ...checkout, name: 'gone' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('No entity component:default/gone');
  });

  it('throws a ResponseError on a 403 refresh', async () => {
    const { client } = setup(new Response('denied', { status: 403 }));

    await expect(client.refresh(checkout)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});

describe('entityPath', () => {
  it('URI-encodes every segment', () => {
    expect(
      entityPath(
        { kind: 'Component', namespace: 'team a', name: 'a/b?c' },
        'report',
      ),
    ).toBe('/v1/entities/Component/team%20a/a%2Fb%3Fc/report');
  });
});
