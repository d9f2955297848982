import { mockServices } from '@backstage/backend-test-utils';
import { MemoryCache } from '../../__testUtils__/MemoryCache';
import { startFakeSplunkOnCall } from '../../__testUtils__/fakeSplunkOnCall';
import type { FakeVendor } from '../../__testUtils__/fakeVendorServer';
import {
  oncallCheckStates,
  serviceWithOnCall,
} from '../../__testUtils__/oncallChecks';
import { OnCallService } from './OnCallService';
import { SplunkOnCallClient } from './SplunkOnCallClient';
import { SplunkOnCallVendor } from './SplunkOnCallVendor';

// The fake cuts rolls at daysForward from its own clock, so the test runs at the real time.
const NOW = new Date();
const at = (hours: number) =>
  new Date(NOW.getTime() + hours * 3_600_000).toISOString();
const people = {
  byRef: new Map(),
  byEmail: new Map([
    ['ada@acme.example', { ref: 'user:default/ada', name: 'Ada Lovelace' }],
  ]),
};
const roll = (username: string, from: number, to: number) => ({
  username,
  change: at(from),
  until: at(to),
});

describe('SplunkOnCallVendor against a fake Splunk On-Call', () => {
  let fake: FakeVendor;

  beforeAll(async () => {
    fake = await startFakeSplunkOnCall({
      apiId: 'vo-id',
      apiKey: 'vo-key',
      teams: [
        { name: 'Commerce', slug: 'team-commerce' },
        { name: 'Search', slug: 'team-search' },
        { name: 'Payments', slug: 'team-payments' },
      ],
      users: [
        {
          username: 'ada',
          firstName: 'Ada',
          lastName: 'L.',
          email: 'ada@acme.example',
        },
        {
          username: 'grace',
          firstName: 'Grace',
          lastName: 'Hopper',
          email: 'grace@acme.example',
        },
      ],
      routingKeys: [
        {
          routingKey: 'checkout',
          teamSlug: 'team-commerce',
          policySlug: 'pol-commerce',
          policyName: 'Commerce primary',
        },
      ],
      policies: {
        'team-commerce': [
          {
            slug: 'pol-commerce',
            name: 'Commerce primary',
            steps: [
              {
                rotationName: 'Commerce week',
                rolls: [roll('ada', -24, 48), roll('grace', 48, 24 * 20)],
              },
              {
                rotationName: 'SRE backup',
                rolls: [roll('grace', -24, 24 * 20)],
              },
            ],
          },
        ],
        'team-search': [
          {
            slug: 'pol-search',
            name: 'Search',
            steps: [
              { rotationName: 'Search', rolls: [roll('ada', -24, 24 * 20)] },
            ],
          },
        ],
        'team-payments': [
          {
            slug: 'pol-payments',
            name: 'Payments',
            steps: [
              {
                rotationName: 'Payments',
                rolls: [roll('ada', -24, 24), roll('grace', 72, 24 * 20)],
              },
              { rotationName: 'Backup', rolls: [roll('grace', -24, 24 * 20)] },
            ],
          },
        ],
      },
    });
  });

  afterAll(() => fake.close());

  beforeEach(() => {
    fake.requests.length = 0;
    fake.setOutage(undefined);
  });

  const liveOf = async (
    annotations: Record<string, string>,
    apiKey = 'vo-key',
  ) => {
    const oncall = new OnCallService({
      rotations: new Map(),
      vendors: [
        new SplunkOnCallVendor(
          new SplunkOnCallClient({
            apiId: 'vo-id',
            apiKey,
            baseUrl: fake.baseUrl,
          }),
        ),
      ],
      cache: new MemoryCache(),
      people: { get: async () => people },
      logger: mockServices.logger.mock(),
    });
    const entity = serviceWithOnCall('svc', annotations);
    const [live] = await oncall.liveFor([entity], NOW, { refresh: false });
    return { live: live!, states: oncallCheckStates(entity, live, NOW) };
  };

  it('reads the team by name and by routing key, with both API headers', async () => {
    const byTeam = await liveOf({ 'splunk.com/on-call-team': 'Commerce' });
    expect(byTeam.live).toMatchObject({
      state: 'ok',
      provider: 'splunk-on-call',
      levels: [
        {
          level: 1,
          name: 'Commerce week',
          onCall: [
            { ref: 'user:default/ada', name: 'Ada Lovelace', until: at(48) },
          ],
        },
        {
          level: 2,
          name: 'SRE backup',
          onCall: [{ ref: null, name: 'Grace Hopper' }],
        },
      ],
      gapsNext14Days: [],
      peopleNext14Days: 2,
    });
    expect(byTeam.states).toEqual({
      'oncall-verified': 'pass',
      'oncall-depth': 'pass',
      'oncall-gaps': 'pass',
    });
    const schedule = fake.requests.find(r =>
      r.path.endsWith('/oncall/schedule'),
    )!;
    expect(schedule.path).toBe(
      '/api-public/v2/team/team-commerce/oncall/schedule',
    );
    expect(schedule.headers['x-vo-api-id']).toBe('vo-id');
    expect(schedule.headers['x-vo-api-key']).toBe('vo-key');

    const byKey = await liveOf({
      'splunk.com/on-call-routing-key': 'checkout',
    });
    expect(byKey.live.target).toMatchObject({
      exists: true,
      name: 'checkout → Commerce primary (Commerce primary)',
    });
    expect(byKey.states['oncall-depth']).toBe('pass');
  });

  it('fails oncall-depth with one level, oncall-gaps with a hole, oncall-verified for a missing team or key', async () => {
    expect(
      (await liveOf({ 'splunk.com/on-call-team': 'Search' })).states[
        'oncall-depth'
      ],
    ).toBe('fail');
    const hole = await liveOf({ 'splunk.com/on-call-team': 'team-payments' });
    expect(hole.live.gapsNext14Days).toEqual([{ start: at(24), end: at(72) }]);
    expect(hole.states['oncall-gaps']).toBe('fail');
    expect(
      (await liveOf({ 'splunk.com/on-call-team': 'Gone' })).states[
        'oncall-verified'
      ],
    ).toBe('fail');
    expect(
      (await liveOf({ 'splunk.com/on-call-routing-key': 'nope' })).states[
        'oncall-verified'
      ],
    ).toBe('fail');
  });

  it('is unknown when Splunk On-Call is down or refuses the key', async () => {
    const refused = await liveOf(
      { 'splunk.com/on-call-team': 'Commerce' },
      'bad',
    );
    expect(refused.live.reason).toContain('answered 401');
    expect(refused.states['oncall-verified']).toBe('unknown');
    fake.setOutage({ status: 502, body: { message: 'Bad gateway' } });
    expect(
      (await liveOf({ 'splunk.com/on-call-team': 'Commerce' })).states,
    ).toEqual({
      'oncall-verified': 'unknown',
      'oncall-depth': 'unknown',
      'oncall-gaps': 'unknown',
    });
  });
});
