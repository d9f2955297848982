import { CacheManager } from '@backstage/backend-defaults/cache';
import type { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startFakePagerDuty } from '../../__testUtils__/fakePagerDuty';
import type { FakeVendor } from '../../__testUtils__/fakeVendorServer';
import { serviceWithOnCall } from '../../__testUtils__/oncallChecks';
import { OnCallRefresher } from './OnCallRefresher';
import { OnCallService } from './OnCallService';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyVendor } from './PagerDutyVendor';

const NOW = new Date('2026-12-07T10:00:00Z');
const at = (hours: number) =>
  new Date(NOW.getTime() + hours * 3_600_000).toISOString();

/** The cache service as the backend builds it from `backend.cache`, one namespace per test. */
function cacheFrom(store: JsonObject): CacheService {
  return CacheManager.fromConfig(
    new ConfigReader({ backend: { cache: store } }),
  ).forPlugin(`reliability-oncall-test-${Math.random().toString(36).slice(2)}`);
}

const STORES: Array<[string, JsonObject]> = [
  ['memory', { store: 'memory' }],
  ['redis', { store: 'redis', connection: 'redis://127.0.0.1:6379' }],
];

const ENTITIES = [
  serviceWithOnCall('checkout-api', { 'pagerduty.com/service-id': 'PSVC' }),
  // Same service: read once.
  serviceWithOnCall('checkout-worker', { 'pagerduty.com/service-id': 'PSVC' }),
  serviceWithOnCall('search', { 'pagerduty.com/service-id': 'POTHER' }),
  serviceWithOnCall('rotated', { 'reliability/oncall-rotation': 'x' }),
];

describe.each(STORES)('on-call caching with the %s store', (_name, store) => {
  let fake: FakeVendor;

  beforeAll(async () => {
    fake = await startFakePagerDuty({
      token: 't',
      users: [{ id: 'PADA', name: 'Ada', email: 'ada@acme.example' }],
      services: [
        { id: 'PSVC', name: 'Checkout', policyId: 'PEP' },
        { id: 'POTHER', name: 'Search', policyId: 'PEP' },
      ],
      policies: [{ id: 'PEP', name: 'Escalation', levels: 1 }],
      oncalls: [
        {
          policyId: 'PEP',
          level: 1,
          userId: 'PADA',
          start: at(-24),
          end: at(24 * 30),
        },
      ],
    });
  });

  afterAll(() => fake.close());

  it('reads each referenced key once on the bulk task; evaluations then read the cache, not the vendor', async () => {
    const logger = mockServices.logger.mock();
    const oncall = new OnCallService({
      rotations: new Map(),
      vendors: [
        new PagerDutyVendor(
          new PagerDutyClient({ token: 't', baseUrl: fake.baseUrl }),
        ),
      ],
      cache: cacheFrom(store),
      people: {
        get: async () => ({
          byRef: new Map(),
          byEmail: new Map([
            [
              'ada@acme.example',
              { ref: 'user:default/ada', name: 'Ada Lovelace' },
            ],
          ]),
        }),
      },
      logger,
    });
    const refresher = new OnCallRefresher({
      oncall,
      catalog: catalogServiceMock({ entities: ENTITIES }),
      auth: mockServices.auth(),
      logger,
      now: () => NOW,
    });
    await expect(refresher.run()).resolves.toEqual({ keys: 2, failed: 0 });
    const serviceReads = () =>
      fake.requests
        .filter(r => r.path.startsWith('/services/'))
        .map(r => r.path);
    expect(serviceReads().sort()).toEqual([
      '/services/POTHER',
      '/services/PSVC',
    ]);

    const later = new Date(NOW.getTime() + 60_000);
    const lives = await oncall.liveFor(ENTITIES, later, { refresh: false });
    expect(serviceReads()).toHaveLength(2);
    expect(lives.map(live => live?.levels[0]?.onCall[0]?.ref ?? null)).toEqual([
      'user:default/ada',
      'user:default/ada',
      'user:default/ada',
      null,
    ]);
    expect(lives[0]!.fetchedAt).toBe(NOW.toISOString());

    // A refresh of one entity reads its service anew.
    await oncall.liveFor(ENTITIES.slice(0, 1), later, { refresh: true });
    expect(serviceReads()).toHaveLength(3);
  });
});
