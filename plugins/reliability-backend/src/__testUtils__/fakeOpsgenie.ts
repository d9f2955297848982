import { startFakeVendor, type VendorReply } from './fakeVendorServer';

export interface FakeOpsgenieData {
  apiKey: string;
  teams: Array<{ id: string; name: string }>;
  schedules: Array<{
    id: string;
    name: string;
    teamId: string;
    enabled?: boolean;
  }>;
  /** Final-timeline periods per schedule id. */
  periods: Record<
    string,
    Array<{ start: string; end: string; userId: string; username: string }>
  >;
  escalations: Array<{
    id: string;
    name: string;
    teamId: string;
    rules: Array<
      | { delayMinutes: number; scheduleId: string }
      | { delayMinutes: number; userId: string; username: string }
    >;
  }>;
}

const envelope = (data: unknown): VendorReply => ({
  status: 200,
  body: { data, took: 0.01, requestId: 'b5a2e5c0-0000-4000-8000-000000000000' },
});
const failure = (status: number, message: string): VendorReply => ({
  status,
  body: {
    message,
    took: 0.0,
    requestId: 'b5a2e5c0-0000-4000-8000-000000000001',
  },
});

/**
 * Opsgenie REST API v2 on loopback, as documented: `Authorization: GenieKey ...`,
 * `GET /v2/teams/{name}?identifierType=name`, `GET /v2/schedules`, `GET
 * /v2/schedules/{id}/timeline?identifierType=id&interval&intervalUnit&date` (the final
 * timeline's rotations and periods, clipped to the interval), `GET /v2/escalations`; errors as
 * `{ message, took, requestId }`.
 */
export function startFakeOpsgenie(data: FakeOpsgenieData) {
  const teamRef = (teamId: string) => {
    const team = data.teams.find(t => t.id === teamId)!;
    return { id: team.id, name: team.name };
  };
  return startFakeVendor({
    authorize: request =>
      request.headers.authorization === `GenieKey ${data.apiKey}`
        ? undefined
        : failure(401, 'Could not authenticate'),
    route: ({ path, query }) => {
      let match = /^\/v2\/teams\/([^/]+)$/.exec(path);
      if (match) {
        const name = decodeURIComponent(match[1]);
        if (query.get('identifierType') !== 'name') {
          return failure(422, 'identifierType must be name for a team name');
        }
        const team = data.teams.find(t => t.name === name);
        return team
          ? envelope({ ...team, description: '', members: [] })
          : failure(404, `No team exists with name [${name}]`);
      }
      if (path === '/v2/schedules') {
        return envelope(
          data.schedules.map(s => ({
            id: s.id,
            name: s.name,
            description: '',
            timezone: 'Europe/Berlin',
            enabled: s.enabled ?? true,
            ownerTeam: teamRef(s.teamId),
            rotations: [],
          })),
        );
      }
      match = /^\/v2\/schedules\/([^/]+)\/timeline$/.exec(path);
      if (match) {
        const id = decodeURIComponent(match[1]);
        const schedule = data.schedules.find(s => s.id === id);
        if (!schedule) {
          return failure(404, `No schedule exists with identifier [${id}]`);
        }
        const start = Date.parse(query.get('date') ?? '');
        const weeks = Number(query.get('interval') ?? 1);
        if (Number.isNaN(start) || query.get('intervalUnit') !== 'weeks') {
          return failure(422, 'Invalid date or intervalUnit');
        }
        const end = start + weeks * 7 * 86_400_000;
        const periods = (data.periods[id] ?? [])
          .filter(p => Date.parse(p.end) > start && Date.parse(p.start) < end)
          .map(p => ({
            startDate: new Date(
              Math.max(start, Date.parse(p.start)),
            ).toISOString(),
            endDate: new Date(Math.min(end, Date.parse(p.end))).toISOString(),
            type: 'default',
            recipient: { id: p.userId, type: 'user', name: p.username },
          }));
        return envelope({
          _parent: {
            id,
            name: schedule.name,
            enabled: schedule.enabled ?? true,
          },
          startDate: new Date(start).toISOString(),
          endDate: new Date(end).toISOString(),
          finalTimeline: {
            rotations: [{ id: `${id}-r1`, name: 'Rota', order: 1, periods }],
          },
        });
      }
      if (path === '/v2/escalations') {
        return envelope(
          data.escalations.map(e => ({
            id: e.id,
            name: e.name,
            description: '',
            ownerTeam: teamRef(e.teamId),
            rules: e.rules.map(rule => ({
              condition: 'if-not-acked',
              notifyType: 'default',
              delay: { timeAmount: rule.delayMinutes, timeUnit: 'minutes' },
              recipient:
                'scheduleId' in rule
                  ? {
                      type: 'schedule',
                      id: rule.scheduleId,
                      name: data.schedules.find(s => s.id === rule.scheduleId)
                        ?.name,
                    }
                  : { type: 'user', id: rule.userId, username: rule.username },
            })),
            repeat: {
              waitInterval: 0,
              count: 0,
              resetRecipientStates: false,
              closeAlertAfterAll: false,
            },
          })),
        );
      }
      return failure(404, 'Not found');
    },
  });
}
