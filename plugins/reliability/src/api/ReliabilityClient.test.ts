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

describe('ReliabilityClient review methods', () => {
  it('posts an attestation as JSON to the check path', async () => {
    const body = { attestation: { id: 'a1' }, report: null };
    const { client, fetch } = setup(jsonResponse(201, body));

    await expect(
      client.attest(checkout, 'rollback-plan', {
        evidenceUrl: 'https://wiki.example.com/x',
        comment: 'drill',
        expectedVersion: 0,
      }),
    ).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/reliability/v1/entities/Component/default/checkout/checks/rollback-plan/attestations',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          evidenceUrl: 'https://wiki.example.com/x',
          comment: 'drill',
          expectedVersion: 0,
        }),
      },
    );
  });

  it.each([
    [
      'revokeAttestation',
      (c: ReliabilityClient) =>
        c.revokeAttestation(checkout, 'load-test', { expectedVersion: 2 }),
      '/checks/load-test/attestations/revoke',
    ],
    [
      'requestWaiver',
      (c: ReliabilityClient) =>
        c.requestWaiver(checkout, 'load-test', {
          justification: 'j',
          expiresAt: '2027-01-01',
          expectedVersion: 0,
        }),
      '/checks/load-test/waivers',
    ],
    [
      'decideWaiver',
      (c: ReliabilityClient) =>
        c.decideWaiver(checkout, 'w1', 'reject', {
          comment: 'no',
          expectedVersion: 1,
        }),
      '/waivers/w1/reject',
    ],
    [
      'requestReview',
      (c: ReliabilityClient) => c.requestReview(checkout, {}),
      '/reviews',
    ],
    [
      'decideReview',
      (c: ReliabilityClient) =>
        c.decideReview(checkout, 'r1', 'sign-off', {
          comment: 'ok',
          expectedVersion: 1,
        }),
      '/reviews/r1/sign-off',
    ],
  ])('%s posts to its path', async (_, call, suffix) => {
    const { client, fetch } = setup(jsonResponse(200, {}));
    await call(client);
    expect(fetch.mock.calls[0][0]).toBe(
      `http://backstage:7007/api/reliability/v1/entities/Component/default/checkout${suffix}`,
    );
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'POST' });
  });

  it('reads the review state, the latest review and pages of history', async () => {
    const { client, fetch } = setup(jsonResponse(200, {}));
    await client.getReviewState(checkout);
    const { client: c2, fetch: f2 } = setup(jsonResponse(200, {}));
    await c2.getLatestReview(checkout);
    const { client: c3, fetch: f3 } = setup(jsonResponse(200, {}));
    await c3.getReviewHistory(checkout, { limit: 10, cursor: '42' });
    const { client: c4, fetch: f4 } = setup(jsonResponse(200, {}));
    await c4.getReviewHistory(checkout);

    const base =
      'http://backstage:7007/api/reliability/v1/entities/Component/default/checkout';
    expect(fetch.mock.calls[0][0]).toBe(`${base}/review-state`);
    expect(f2.mock.calls[0][0]).toBe(`${base}/reviews/latest`);
    expect(f3.mock.calls[0][0]).toBe(`${base}/history?limit=10&cursor=42`);
    expect(f4.mock.calls[0][0]).toBe(`${base}/history`);
  });

  it('throws the backend refusal as a ResponseError with its message', async () => {
    const { client } = setup(
      jsonResponse(409, {
        error: { name: 'ConflictError', message: 'expectedVersion 0 is stale' },
        request: { method: 'POST', url: '/x' },
        response: { statusCode: 409 },
      }),
    );
    const error = await client
      .attest(checkout, 'rollback-plan', {
        evidenceUrl: 'https://x.example.com',
        comment: 'c',
        expectedVersion: 0,
      })
      .catch(e => e);
    expect(error.statusCode).toBe(409);
    expect(error.body.error.message).toBe('expectedVersion 0 is stale');
  });
});
