import { mockServices } from '@backstage/backend-test-utils';
import { MemoryCache } from '../../__testUtils__/MemoryCache';
import { startFakeOpsgenie } from '../../__testUtils__/fakeOpsgenie';
import type { FakeVendor } from '../../__testUtils__/fakeVendorServer';
import {
  oncallCheckStates,
  serviceWithOnCall,
} from '../../__testUtils__/oncallChecks';
import { OnCallService } from './OnCallService';
import { OpsgenieClient } from './OpsgenieClient';
import { OpsgenieVendor } from './OpsgenieVendor';

const NOW = new Date('2026-12-07T10:00:00Z');
const at = (hours: number) =>
  new Date(NOW.getTime() + hours * 3_600_000).toISOString();
const KEY = 'og-test-key';
const people = {
  byRef: new Map(),
  byEmail: new Map([
    ['ada@acme.example', { ref: 'user:default/ada', name: 'Ada Lovelace' }],
  ]),
};

describe('OpsgenieVendor against a fake Opsgenie', () => {
  let fake: FakeVendor;
  const sleeps: number[] = [];

  beforeAll(async () => {
    fake = await startFakeOpsgenie({
      apiKey: KEY,
      teams: [
        { id: 't1', name: 'checkout' },
        { id: 't2', name: 'search' },
        { id: 't3', name: 'payments' },
      ],
      schedules: [
        { id: 's1', name: 'checkout_schedule', teamId: 't1' },
        { id: 's2', name: 'search_schedule', teamId: 't2' },
        { id: 's3', name: 'payments_schedule', teamId: 't3' },
      ],
      periods: {
        s1: [
          {
            start: at(-24),
            end: at(48),
            userId: 'u1',
            username: 'ada@acme.example',
          },
          {
            start: at(48),
            end: at(24 * 22),
            userId: 'u2',
            username: 'grace@acme.example',
          },
        ],
        s2: [
          {
            start: at(-24),
            end: at(24 * 22),
            userId: 'u1',
            username: 'ada@acme.example',
          },
        ],
        s3: [
          {
            start: at(-24),
            end: at(24),
            userId: 'u1',
            username: 'ada@acme.example',
          },
          {
            start: at(30),
            end: at(24 * 22),
            userId: 'u2',
            username: 'grace@acme.example',
          },
        ],
      },
      escalations: [
        {
          id: 'e1',
          name: 'checkout_escalation',
          teamId: 't1',
          rules: [
            { delayMinutes: 0, scheduleId: 's1' },
            { delayMinutes: 10, userId: 'u3', username: 'linus@acme.example' },
          ],
        },
        {
          id: 'e3',
          name: 'payments_escalation',
          teamId: 't3',
          rules: [
            { delayMinutes: 0, scheduleId: 's3' },
            { delayMinutes: 5, userId: 'u3', username: 'linus@acme.example' },
          ],
        },
      ],
    });
  });

  afterAll(() => fake.close());

  beforeEach(() => {
    fake.requests.length = 0;
    fake.setOutage(undefined);
    sleeps.length = 0;
  });

  const liveOf = async (team: string, apiKey = KEY) => {
    const oncall = new OnCallService({
      rotations: new Map(),
      vendors: [
        new OpsgenieVendor(
          new OpsgenieClient({
            apiKey,
            baseUrl: fake.baseUrl,
            http: { sleep: async ms => void sleeps.push(ms) },
          }),
        ),
      ],
      cache: new MemoryCache(),
      people: { get: async () => people },
      logger: mockServices.logger.mock(),
    });
    const entity = serviceWithOnCall('svc', { 'opsgenie.com/team': team });
    const [live] = await oncall.liveFor([entity], NOW, { refresh: false });
    return { live: live!, states: oncallCheckStates(entity, live, NOW) };
  };

  it('reads the team escalation: a schedule level from its timeline, a user level always on call', async () => {
    const { live, states } = await liveOf('checkout');
    expect(live).toMatchObject({
      state: 'ok',
      provider: 'opsgenie',
      levels: [
        {
          level: 1,
          name: 'checkout_schedule',
          onCall: [
            { ref: 'user:default/ada', name: 'Ada Lovelace', until: at(48) },
          ],
        },
        {
          level: 2,
          onCall: [{ ref: null, name: 'linus@acme.example', until: null }],
        },
      ],
      nextHandoff: at(48),
      gapsNext14Days: [],
      peopleNext14Days: 3,
    });
    expect(states).toEqual({
      'oncall-verified': 'pass',
      'oncall-depth': 'pass',
      'oncall-gaps': 'pass',
    });
    expect(fake.requests[0].headers.authorization).toBe(`GenieKey ${KEY}`);
    const timeline = fake.requests.find(
      r => r.path === '/v2/schedules/s1/timeline',
    )!;
    expect(Object.fromEntries(timeline.query)).toEqual({
      identifierType: 'id',
      interval: '3',
      intervalUnit: 'weeks',
      date: NOW.toISOString(),
    });
  });

  it('fails oncall-depth for a team whose only level is its schedule', async () => {
    const { live, states } = await liveOf('search');
    expect(live.levels).toHaveLength(1);
    expect(states['oncall-depth']).toBe('fail');
  });

  it('fails oncall-gaps for a schedule with a hole', async () => {
    const { live, states } = await liveOf('payments');
    expect(live.gapsNext14Days).toEqual([{ start: at(24), end: at(30) }]);
    expect(states['oncall-gaps']).toBe('fail');
  });

  it('fails oncall-verified for a deleted team', async () => {
    const { live, states } = await liveOf('gone');
    expect(live.target).toEqual({ exists: false, enabled: false });
    expect(states['oncall-verified']).toBe('fail');
  });

  it('is unknown when Opsgenie is down or refuses the key, and waits out a 429', async () => {
    const refused = await liveOf('checkout', 'bad-key');
    expect(refused.live.reason).toContain('answered 401');
    expect(refused.states['oncall-verified']).toBe('unknown');
    fake.setOutage({ status: 503, body: { message: 'Service unavailable' } });
    expect((await liveOf('checkout')).states['oncall-gaps']).toBe('unknown');
    fake.setOutage(undefined);
    fake.failNext({
      status: 429,
      headers: { 'retry-after': '2' },
      body: { message: 'Too many requests' },
    });
    expect((await liveOf('checkout')).live.state).toBe('ok');
    expect(sleeps).toEqual([2000]);
  });
});
