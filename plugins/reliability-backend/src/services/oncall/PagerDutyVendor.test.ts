import { mockServices } from '@backstage/backend-test-utils';
import { MemoryCache } from '../../__testUtils__/MemoryCache';
import { startFakePagerDuty } from '../../__testUtils__/fakePagerDuty';
import type { FakeVendor } from '../../__testUtils__/fakeVendorServer';
import {
  oncallCheckStates,
  serviceWithOnCall,
} from '../../__testUtils__/oncallChecks';
import { OnCallService } from './OnCallService';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyVendor } from './PagerDutyVendor';

const NOW = new Date('2026-12-07T10:00:00Z');
const at = (hours: number) =>
  new Date(NOW.getTime() + hours * 3_600_000).toISOString();
const TOKEN = 'pd-test-token';

const people = {
  byRef: new Map(),
  byEmail: new Map([
    ['ada@acme.example', { ref: 'user:default/ada', name: 'Ada Lovelace' }],
  ]),
};

/** 2-hour shifts alternating between two people for 16 days: more entries than one page. */
const busyShifts = Array.from({ length: 16 * 12 }, (_, index) => ({
  policyId: 'PBUSYEP',
  level: 1,
  userId: index % 2 === 0 ? 'PADA' : 'PGRACE',
  scheduleId: 'PBUSYS',
  scheduleName: 'Busy primary',
  start: at(index * 2 - 1),
  end: at(index * 2 + 1),
}));

describe('PagerDutyVendor against a fake PagerDuty', () => {
  let fake: FakeVendor;
  let sleeps: number[];

  beforeAll(async () => {
    fake = await startFakePagerDuty({
      token: TOKEN,
      users: [
        { id: 'PADA', name: 'Ada L.', email: 'Ada@acme.example' },
        { id: 'PGRACE', name: 'Grace Hopper', email: 'grace@acme.example' },
        { id: 'PLINUS', name: 'Linus T.', email: 'linus@acme.example' },
      ],
      services: [
        {
          id: 'PHEALTHY',
          name: 'Checkout',
          policyId: 'PEP2',
          integrationKeys: ['a'.repeat(32)],
        },
        { id: 'PSOLO', name: 'Search', policyId: 'PEP1' },
        { id: 'PHOLE', name: 'Payments', policyId: 'PEPHOLE' },
        { id: 'POFF', name: 'Legacy', status: 'disabled', policyId: 'PEP2' },
        { id: 'PBUSY', name: 'Busy', policyId: 'PBUSYEP' },
        // Enough services that finding one by integration key needs a second page.
        ...Array.from({ length: 120 }, (_, index) => ({
          id: `PFILL${index}`,
          name: `Filler ${index}`,
          policyId: 'PEP1',
          integrationKeys: [`fill${index}`],
        })),
        {
          id: 'PLAST',
          name: 'Last',
          policyId: 'PEP2',
          integrationKeys: ['z'.repeat(32)],
        },
      ],
      policies: [
        { id: 'PEP2', name: 'Checkout escalation', levels: 2 },
        { id: 'PEP1', name: 'Search escalation', levels: 1 },
        { id: 'PEPHOLE', name: 'Payments escalation', levels: 2 },
        { id: 'PBUSYEP', name: 'Busy escalation', levels: 2 },
      ],
      oncalls: [
        {
          policyId: 'PEP2',
          level: 1,
          userId: 'PADA',
          scheduleId: 'PS1',
          scheduleName: 'Checkout primary',
          start: at(-24),
          end: at(72),
        },
        {
          policyId: 'PEP2',
          level: 1,
          userId: 'PGRACE',
          scheduleId: 'PS1',
          scheduleName: 'Checkout primary',
          start: at(72),
          end: at(24 * 20),
        },
        {
          policyId: 'PEP2',
          level: 2,
          userId: 'PLINUS',
          start: null,
          end: null,
        },
        {
          policyId: 'PEP1',
          level: 1,
          userId: 'PADA',
          start: at(-24),
          end: at(24 * 30),
        },
        {
          policyId: 'PEPHOLE',
          level: 1,
          userId: 'PADA',
          start: at(-24),
          end: at(48),
        },
        {
          policyId: 'PEPHOLE',
          level: 1,
          userId: 'PGRACE',
          start: at(96),
          end: at(24 * 20),
        },
        {
          policyId: 'PEPHOLE',
          level: 2,
          userId: 'PLINUS',
          start: null,
          end: null,
        },
        ...busyShifts,
        {
          policyId: 'PBUSYEP',
          level: 2,
          userId: 'PLINUS',
          start: null,
          end: null,
        },
      ],
      incidents: [
        {
          id: 'Q1',
          serviceId: 'PHEALTHY',
          title: 'Checkout 5xx above SLO',
          status: 'triggered',
          createdAt: at(-1),
        },
        {
          id: 'Q2',
          serviceId: 'PHEALTHY',
          title: 'Old one',
          status: 'resolved',
          createdAt: at(-48),
        },
      ],
    });
  });

  afterAll(() => fake.close());

  beforeEach(() => {
    fake.requests.length = 0;
    fake.setOutage(undefined);
    sleeps = [];
  });

  const service = (token = TOKEN, cache = new MemoryCache()) =>
    new OnCallService({
      rotations: new Map(),
      vendors: [
        new PagerDutyVendor(
          new PagerDutyClient({
            token,
            baseUrl: fake.baseUrl,
            http: {
              sleep: async ms => {
                sleeps.push(ms);
              },
            },
          }),
        ),
      ],
      cache,
      people: { get: async () => people },
      logger: mockServices.logger.mock(),
    });

  const liveOf = async (
    annotations: Record<string, string>,
    oncall = service(),
  ) => {
    const entity = serviceWithOnCall('svc', annotations);
    const [live] = await oncall.liveFor([entity], NOW, { refresh: false });
    return { live: live!, states: oncallCheckStates(entity, live, NOW) };
  };

  it('reads who is on call on each level, until when, open incidents, and passes every check', async () => {
    const { live, states } = await liveOf({
      'pagerduty.com/service-id': 'PHEALTHY',
    });
    expect(live).toMatchObject({
      state: 'ok',
      provider: 'pagerduty',
      levels: [
        {
          level: 1,
          name: 'Checkout primary',
          onCall: [
            {
              ref: 'user:default/ada',
              name: 'Ada Lovelace',
              email: 'Ada@acme.example',
              until: at(72),
            },
          ],
        },
        {
          level: 2,
          onCall: [
            {
              ref: null,
              name: 'Linus T.',
              email: 'linus@acme.example',
              until: null,
            },
          ],
        },
      ],
      nextHandoff: at(72),
      gapsNext14Days: [],
      peopleNext14Days: 3,
      target: {
        exists: true,
        enabled: true,
        name: 'Checkout',
        url: 'https://acme.pagerduty.com/service-directory/PHEALTHY',
      },
      incidents: [
        {
          id: 'Q1',
          title: 'Checkout 5xx above SLO',
          status: 'triggered',
          url: 'https://acme.pagerduty.com/incidents/Q1',
        },
      ],
    });
    expect(states).toEqual({
      'oncall-verified': 'pass',
      'oncall-depth': 'pass',
      'oncall-gaps': 'pass',
    });
    const oncalls = fake.requests.find(r => r.path === '/oncalls')!;
    expect(oncalls.headers.authorization).toBe(`Token token=${TOKEN}`);
    expect(oncalls.headers.accept).toBe(
      'application/vnd.pagerduty+json;version=2',
    );
    expect(oncalls.query.getAll('escalation_policy_ids[]')).toEqual(['PEP2']);
    expect(oncalls.query.get('since')).toBe(NOW.toISOString());
  });

  it('fails oncall-depth for a service with one escalation level', async () => {
    const { live, states } = await liveOf({
      'pagerduty.com/service-id': 'PSOLO',
    });
    expect(live.levels).toHaveLength(1);
    expect(states).toEqual({
      'oncall-verified': 'pass',
      'oncall-depth': 'fail',
      'oncall-gaps': 'pass',
    });
  });

  it('fails oncall-gaps for a schedule with a hole, naming it', async () => {
    const { live, states } = await liveOf({
      'pagerduty.com/service-id': 'PHOLE',
    });
    expect(live.gapsNext14Days).toEqual([{ start: at(48), end: at(96) }]);
    expect(states).toEqual({
      'oncall-verified': 'pass',
      'oncall-depth': 'pass',
      'oncall-gaps': 'fail',
    });
  });

  it('fails oncall-verified for a deleted (404) or a disabled service', async () => {
    const deleted = await liveOf({ 'pagerduty.com/service-id': 'PGONE' });
    expect(deleted.live).toMatchObject({
      state: 'ok',
      target: { exists: false },
      levels: [],
    });
    expect(deleted.states['oncall-verified']).toBe('fail');
    const disabled = await liveOf({ 'pagerduty.com/service-id': 'POFF' });
    expect(disabled.states['oncall-verified']).toBe('fail');
  });

  it('gives unknown, never an error, when PagerDuty is down or refuses the token', async () => {
    fake.setOutage({
      status: 503,
      body: { error: { message: 'Service Unavailable' } },
    });
    const down = await liveOf({ 'pagerduty.com/service-id': 'PHEALTHY' });
    expect(down.live).toMatchObject({
      state: 'unavailable',
      reason: expect.stringContaining('answered 503'),
    });
    expect(down.states).toEqual({
      'oncall-verified': 'unknown',
      'oncall-depth': 'unknown',
      'oncall-gaps': 'unknown',
    });
    fake.setOutage(undefined);
    const refused = await liveOf(
      { 'pagerduty.com/service-id': 'PHEALTHY' },
      service('wrong-token'),
    );
    expect(refused.live.reason).toBe(
      'PagerDuty: answered 401 for /services/PHEALTHY (check the API token in app-config)',
    );
    expect(refused.states['oncall-verified']).toBe('unknown');
  });

  it('waits as long as Retry-After says after a 429, then reads on', async () => {
    fake.failNext({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { message: 'Rate Limit Exceeded' } },
    });
    const { live } = await liveOf({ 'pagerduty.com/service-id': 'PHEALTHY' });
    expect(live.state).toBe('ok');
    expect(sleeps).toEqual([3000]);
    expect(
      fake.requests.filter(r => r.path === '/services/PHEALTHY'),
    ).toHaveLength(2);
  });

  it('follows offset pagination through /oncalls and /services', async () => {
    const busy = await liveOf({ 'pagerduty.com/service-id': 'PBUSY' });
    const pages = fake.requests
      .filter(r => r.path === '/oncalls')
      .map(r => r.query.get('offset'));
    expect(pages).toEqual(['0', '100']);
    expect(busy.live.gapsNext14Days).toEqual([]);
    expect(busy.live.levels[0].onCall[0]).toMatchObject({
      ref: 'user:default/ada',
      until: at(1),
    });
    // 14 days of 2-hour shifts, cut at both ends.
    expect(busy.live.shifts!.filter(s => s.level === 1)).toHaveLength(
      14 * 12 + 1,
    );

    fake.requests.length = 0;
    const byKey = await liveOf({
      'pagerduty.com/integration-key': 'z'.repeat(32),
    });
    expect(byKey.live.target).toMatchObject({ exists: true, name: 'Last' });
    expect(
      fake.requests
        .filter(r => r.path === '/services')
        .map(r => r.query.get('offset')),
    ).toEqual(['0', '100']);
    expect(fake.requests[0].query.getAll('include[]')).toEqual([
      'integrations',
    ]);
  });

  it('reads each key once per call, caches it, and reads anew on a refresh', async () => {
    const cache = new MemoryCache();
    const oncall = service(TOKEN, cache);
    const entities = ['a', 'b'].map(name =>
      serviceWithOnCall(name, { 'pagerduty.com/service-id': 'PHEALTHY' }),
    );
    await oncall.liveFor(entities, NOW, { refresh: false });
    expect(
      fake.requests.filter(r => r.path === '/services/PHEALTHY'),
    ).toHaveLength(1);
    // Later, from the cache: who is on call is worked out for the later time.
    const later = new Date(NOW.getTime() + 80 * 3_600_000);
    const [cached] = await oncall.liveFor(entities.slice(0, 1), later, {
      refresh: false,
    });
    expect(
      fake.requests.filter(r => r.path === '/services/PHEALTHY'),
    ).toHaveLength(1);
    expect(cached!.fetchedAt).toBe(NOW.toISOString());
    expect(cached!.levels[0].onCall[0]).toMatchObject({
      name: 'Grace Hopper',
      ref: null,
    });
    await oncall.liveFor(entities.slice(0, 1), later, { refresh: true });
    expect(
      fake.requests.filter(r => r.path === '/services/PHEALTHY'),
    ).toHaveLength(2);
  });
});
