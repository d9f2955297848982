import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import { ReliabilityClient } from './ReliabilityClient';

function setup(response: () => Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response(),
  );
  const client = new ReliabilityClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage:7007' }),
    fetchApi: { fetch: fetch as typeof globalThis.fetch },
  });
  return {
    client,
    fetch,
    url: (call = 0) => String(fetch.mock.calls[call][0]),
  };
}

const json = (body: unknown) => () =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

const BASE = 'http://backstage:7007/api/reliability/v1/coverage';

describe('ReliabilityClient coverage', () => {
  it('asks for coverage grouped and filtered', async () => {
    const body = { rows: [], asOf: '2026-11-22T10:00:00Z' };
    const { client, url } = setup(json(body));
    await expect(
      client.getCoverage('owner', { tier: [1], owner: 'group:default/a' }),
    ).resolves.toEqual(body);
    expect(url()).toBe(
      `${BASE}?tier=1&owner=group%3Adefault%2Fa&groupBy=owner`,
    );
  });

  it('asks for targets, history, movers and the heatmap', async () => {
    const { client, url } = setup(json({}));
    await client.getCoverageTargets();
    await client.getCoverageHistory({
      groupBy: 'tier',
      days: 180,
      filter: { owner: 'group:default/a' },
    });
    await client.getCoverageMovers({ measure: 'ready', limit: 3 });
    await client.getCoverageHeatmap({ tier: [0] });
    expect([url(0), url(1), url(2), url(3)]).toEqual([
      `${BASE}/targets`,
      `${BASE}/history?owner=group%3Adefault%2Fa&groupBy=tier&days=180`,
      `${BASE}/movers?measure=ready&limit=3`,
      `${BASE}/heatmap?tier=0`,
    ]);
  });

  it('pages entities with sort, order, limit and cursor', async () => {
    const { client, url } = setup(
      json({ items: [], nextCursor: null, totalCount: 0 }),
    );
    await client.listCoverageEntities({
      filter: { stage: 'withSlo' },
      sort: 'score',
      order: 'desc',
      limit: 25,
      cursor: 'abc',
    });
    expect(url()).toBe(
      `${BASE}/entities?stage=withSlo&sort=score&order=desc&limit=25&cursor=abc`,
    );
  });

  it('downloads the CSV as a blob and reports failures', async () => {
    const ok = setup(
      () =>
        new Response('entity_ref\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv' },
        }),
    );
    const blob = await ok.client.downloadCoverageCsv({ filter: { tier: [1] } });
    expect(await blob.text()).toBe('entity_ref\r\n');
    expect(ok.url()).toBe(`${BASE}/entities.csv?tier=1`);

    const failing = setup(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'InputError', message: 'Invalid tier' },
          }),
          { status: 400, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    await expect(
      failing.client.downloadCoverageCsv({ filter: {} }),
    ).rejects.toBeInstanceOf(ResponseError);
  });
});
