import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';
import { startFakePagerDuty } from './__testUtils__/fakePagerDuty';
import type { FakeVendor } from './__testUtils__/fakeVendorServer';
import { serviceWithOnCall } from './__testUtils__/oncallChecks';

jest.setTimeout(60_000);

const user = (name: string, displayName: string, email: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName, email }, memberOf: [] },
});
const sre: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'sre', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const ENTITIES = [
  sre,
  user('ada', 'Ada Lovelace', 'ada@acme.example'),
  user('grace', 'Grace Hopper', 'grace@acme.example'),
  serviceWithOnCall('rotated', { 'reliability/oncall-rotation': 'primary' }),
  serviceWithOnCall('free-text', { 'reliability/oncall-rotation': 'ask #sre' }),
  serviceWithOnCall('paged', { 'pagerduty.com/service-id': 'PSVC' }),
  serviceWithOnCall('opsgenie-only', { 'opsgenie.com/team': 'data' }),
];

const ROTATIONS = [
  {
    name: 'primary',
    timeZone: 'Europe/Berlin',
    start: '2026-01-05T09:00',
    shift: '1w',
    members: ['user:default/ada', 'user:default/grace'],
    escalation: ['secondary'],
  },
  {
    name: 'secondary',
    timeZone: 'America/New_York',
    start: '2026-01-05T09:00',
    shift: '1d',
    members: ['user:default/grace', 'user:default/ada'],
  },
];

describe('reliabilityPlugin on-call', () => {
  let pagerDuty: FakeVendor;

  beforeAll(async () => {
    const now = Date.now();
    pagerDuty = await startFakePagerDuty({
      token: 'pd-token',
      users: [{ id: 'PADA', name: 'Ada', email: 'ADA@acme.example' }],
      services: [{ id: 'PSVC', name: 'Paged', policyId: 'PEP' }],
      policies: [{ id: 'PEP', name: 'Paged escalation', levels: 1 }],
      oncalls: [
        {
          policyId: 'PEP',
          level: 1,
          userId: 'PADA',
          start: new Date(now - 86_400_000).toISOString(),
          end: new Date(now + 30 * 86_400_000).toISOString(),
        },
      ],
    });
  });

  afterAll(() => pagerDuty.close());

  const start = () =>
    startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({ entities: ENTITIES }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              oncall: {
                rotations: ROTATIONS,
                pagerduty: { token: 'pd-token', baseUrl: pagerDuty.baseUrl },
              },
            },
          },
        }),
      ],
    });

  const report = async (server: any, name: string) => {
    const res = await request(server).get(
      `/api/reliability/v1/entities/component/default/${name}/report`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const states = (body: any) =>
    Object.fromEntries(
      body.readiness.checks
        .filter((check: any) => check.id.startsWith('oncall-'))
        .map((check: any) => [check.id, check.state]),
    );

  it('reports who is on call from a configured rotation, by name, and scores it', async () => {
    const { server } = await start();
    const body = await report(server, 'rotated');
    expect(body.oncall).toMatchObject({
      provider: 'other',
      reference: 'primary',
      live: {
        state: 'ok',
        levels: [
          {
            level: 1,
            name: 'primary',
            onCall: [
              {
                ref: expect.stringMatching(/^user:default\/(ada|grace)$/),
                name: expect.stringMatching(/Lovelace|Hopper/),
              },
            ],
          },
          { level: 2, name: 'secondary' },
        ],
        gapsNext14Days: [],
        peopleNext14Days: 2,
        reason: null,
      },
    });
    expect(states(body)).toEqual({
      'oncall-verified': 'pass',
      'oncall-depth': 'pass',
      'oncall-gaps': 'pass',
    });
    const freeText = await report(server, 'free-text');
    expect(freeText.oncall.live).toBeNull();
    expect(states(freeText)['oncall-verified']).toBe('not-applicable');
    const notConfigured = await report(server, 'opsgenie-only');
    expect(notConfigured.oncall.live).toMatchObject({
      state: 'not-configured',
    });
    expect(states(notConfigured)['oncall-depth']).toBe('not-applicable');
  });

  it('reads PagerDuty with the configured token, matches people by email, and never exposes the token', async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/reliability/v1/entities/component/default/paged/report',
    );
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('pd-token');
    expect(res.body.oncall.live).toMatchObject({
      state: 'ok',
      provider: 'pagerduty',
      levels: [
        {
          level: 1,
          onCall: [{ ref: 'user:default/ada', name: 'Ada Lovelace' }],
        },
      ],
    });
    expect(states(res.body)).toEqual({
      'oncall-verified': 'pass',
      'oncall-depth': 'fail',
      'oncall-gaps': 'pass',
    });
  });

  it('answers 200 with unknown checks while PagerDuty is down, on a refresh too', async () => {
    pagerDuty.setOutage({
      status: 500,
      body: { error: { message: 'Internal Server Error' } },
    });
    try {
      const { server } = await start();
      const refreshed = await request(server).post(
        '/api/reliability/v1/entities/component/default/paged/refresh',
      );
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.oncall.live).toMatchObject({
        state: 'unavailable',
        reason: expect.stringContaining('answered 500'),
      });
      expect(states(refreshed.body)).toEqual({
        'oncall-verified': 'unknown',
        'oncall-depth': 'unknown',
        'oncall-gaps': 'unknown',
      });
    } finally {
      pagerDuty.setOutage(undefined);
    }
  });

  it('refuses to start with an invalid rotation, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              reliability: {
                oncall: {
                  rotations: [{ ...ROTATIONS[1], timeZone: 'Mars/Base' }],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'reliability.oncall.rotations[0].timeZone: "Mars/Base" is not an IANA time zone',
    );
  });
});
