import { startFakeVendor, type VendorReply } from './fakeVendorServer';

export interface FakeSplunkOnCallData {
  apiId: string;
  apiKey: string;
  teams: Array<{ name: string; slug: string }>;
  users: Array<{
    username: string;
    firstName: string;
    lastName: string;
    email: string;
  }>;
  routingKeys: Array<{
    routingKey: string;
    teamSlug: string;
    policySlug: string;
    policyName: string;
  }>;
  /** Per team slug: its escalation policies, each with its steps' rolls. */
  policies: Record<
    string,
    Array<{
      slug: string;
      name: string;
      steps: Array<{
        rotationName: string;
        rolls: Array<{ username: string; change: string; until: string }>;
      }>;
    }>
  >;
}

const failure = (status: number, message: string): VendorReply => ({
  status,
  body: { message },
});

/**
 * Splunk On-Call's public API on loopback, as documented: `X-VO-Api-Id` and `X-VO-Api-Key`
 * headers, `GET /api-public/v1/team`, `GET /api-public/v1/org/routing-keys`, `GET
 * /api-public/v2/team/{team}/oncall/schedule?daysForward=` (rolls cut to the days asked for),
 * `GET /api-public/v1/user` (users nested in an extra array, as the v1 list does).
 */
export function startFakeSplunkOnCall(data: FakeSplunkOnCallData) {
  return startFakeVendor({
    authorize: request =>
      request.headers['x-vo-api-id'] === data.apiId &&
      request.headers['x-vo-api-key'] === data.apiKey
        ? undefined
        : failure(401, 'Authentication failed'),
    route: ({ path, query }) => {
      if (path === '/api-public/v1/team') {
        return {
          status: 200,
          body: data.teams.map(team => ({
            ...team,
            memberCount: 3,
            version: 1,
            isDefaultTeam: false,
            _selfUrl: `/api-public/v1/team/${team.slug}`,
          })),
        };
      }
      if (path === '/api-public/v1/org/routing-keys') {
        return {
          status: 200,
          body: {
            routingKeys: data.routingKeys.map(key => ({
              routingKey: key.routingKey,
              targets: [
                {
                  policyName: key.policyName,
                  policySlug: key.policySlug,
                  _teamUrl: `/api-public/v1/team/${key.teamSlug}`,
                },
              ],
              isDefault: false,
            })),
          },
        };
      }
      if (path === '/api-public/v1/user') {
        return {
          status: 200,
          body: {
            users: [
              data.users.map(user => ({
                ...user,
                displayName: `${user.firstName} ${user.lastName}`,
                verified: true,
              })),
            ],
            _selfUrl: '/api-public/v1/user',
          },
        };
      }
      const match = /^\/api-public\/v2\/team\/([^/]+)\/oncall\/schedule$/.exec(
        path,
      );
      if (match) {
        const slug = decodeURIComponent(match[1]);
        if (!data.teams.some(team => team.slug === slug)) {
          return failure(404, `Team ${slug} not found`);
        }
        const days = Number(query.get('daysForward') ?? 14);
        const horizon = Date.now() + days * 86_400_000;
        return {
          status: 200,
          body: {
            teamSlug: slug,
            schedules: (data.policies[slug] ?? []).map(policy => ({
              policy: { name: policy.name, slug: policy.slug },
              schedule: policy.steps.map(step => ({
                onCallType: 'rotation_group',
                rotationName: step.rotationName,
                shiftName: 'Shift',
                rolls: step.rolls
                  .filter(roll => Date.parse(roll.change) < horizon)
                  .map(roll => ({
                    change: roll.change,
                    until: roll.until,
                    onCallUser: { username: roll.username },
                    isRoll: true,
                  })),
              })),
              overrides: [],
            })),
          },
        };
      }
      return failure(404, 'Not found');
    },
  });
}
