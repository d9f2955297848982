import { pdPage, startFakeVendor, type VendorReply } from './fakeVendorServer';

interface FakePdUser {
  id: string;
  name: string;
  email: string;
}

interface FakePdOnCall {
  policyId: string;
  level: number;
  userId: string;
  scheduleId?: string;
  scheduleName?: string;
  start: string | null;
  end: string | null;
}

export interface FakePagerDutyData {
  token: string;
  users: FakePdUser[];
  services: Array<{
    id: string;
    name: string;
    status?: string;
    policyId: string;
    integrationKeys?: string[];
  }>;
  policies: Array<{ id: string; name: string; levels: number }>;
  oncalls: FakePdOnCall[];
  incidents?: Array<{
    id: string;
    serviceId: string;
    title: string;
    status: 'triggered' | 'acknowledged' | 'resolved';
    createdAt: string;
  }>;
}

const HTML = 'https://acme.pagerduty.com';
const error = (
  status: number,
  message: string,
  code?: number,
): VendorReply => ({
  status,
  body: { error: { message, ...(code && { code }) } },
});
const ref = (type: string, id: string, summary: string, path: string) => ({
  id,
  type: `${type}_reference`,
  summary,
  self: `https://api.pagerduty.com/${path}/${id}`,
  html_url: `${HTML}/${path}/${id}`,
});

/**
 * PagerDuty REST API v2 on loopback, as documented: `Authorization: Token token=...`,
 * `GET /services/{id}`, `GET /services?include[]=integrations`, `GET /escalation_policies/{id}`,
 * `GET /oncalls?escalation_policy_ids[]&since&until&include[]=users`, `GET /incidents?statuses[]
 * &service_ids[]`; offset pagination; errors as `{ error: { message, code } }`.
 */
export function startFakePagerDuty(data: FakePagerDutyData) {
  const userOf = (id: string, include: boolean) => {
    const user = data.users.find(u => u.id === id)!;
    return include
      ? {
          id,
          type: 'user',
          summary: user.name,
          name: user.name,
          email: user.email,
          html_url: `${HTML}/users/${id}`,
        }
      : ref('user', id, user.name, 'users');
  };
  const serviceBody = (
    service: FakePagerDutyData['services'][number],
    withIntegrations: boolean,
  ) => {
    const policy = data.policies.find(p => p.id === service.policyId)!;
    return {
      id: service.id,
      type: 'service',
      name: service.name,
      summary: service.name,
      status: service.status ?? 'active',
      html_url: `${HTML}/service-directory/${service.id}`,
      escalation_policy: ref(
        'escalation_policy',
        policy.id,
        policy.name,
        'escalation_policies',
      ),
      integrations: (service.integrationKeys ?? []).map((key, index) => ({
        ...(withIntegrations
          ? {
              id: `PI${index}${service.id}`,
              type: 'generic_events_api_inbound_integration',
              integration_key: key,
              summary: 'Events API v2',
            }
          : ref(
              'generic_events_api_inbound_integration',
              `PI${index}${service.id}`,
              'Events API v2',
              'integrations',
            )),
      })),
    };
  };
  return startFakeVendor({
    authorize: request =>
      request.headers.authorization === `Token token=${data.token}`
        ? undefined
        : error(401, 'Unauthorized', 2006),
    route: ({ path, query }) => {
      let match = /^\/services\/([^/]+)$/.exec(path);
      if (match) {
        const service = data.services.find(
          s => s.id === decodeURIComponent(match![1]),
        );
        return service
          ? { status: 200, body: { service: serviceBody(service, false) } }
          : error(404, 'Not Found', 2100);
      }
      if (path === '/services') {
        const withIntegrations = query
          .getAll('include[]')
          .includes('integrations');
        return {
          status: 200,
          body: pdPage(
            'services',
            data.services.map(s => serviceBody(s, withIntegrations)),
            query,
          ),
        };
      }
      match = /^\/escalation_policies\/([^/]+)$/.exec(path);
      if (match) {
        const policy = data.policies.find(
          p => p.id === decodeURIComponent(match![1]),
        );
        if (!policy) {
          return error(404, 'Not Found', 2100);
        }
        return {
          status: 200,
          body: {
            escalation_policy: {
              id: policy.id,
              type: 'escalation_policy',
              name: policy.name,
              summary: policy.name,
              html_url: `${HTML}/escalation_policies/${policy.id}`,
              num_loops: 0,
              escalation_rules: Array.from(
                { length: policy.levels },
                (_, index) => ({
                  id: `PR${index}${policy.id}`,
                  escalation_delay_in_minutes: 30,
                  targets: data.oncalls
                    .filter(
                      o =>
                        o.policyId === policy.id &&
                        o.level === index + 1 &&
                        o.scheduleId,
                    )
                    .slice(0, 1)
                    .map(o =>
                      ref(
                        'schedule',
                        o.scheduleId!,
                        o.scheduleName ?? o.scheduleId!,
                        'schedules',
                      ),
                    ),
                }),
              ),
            },
          },
        };
      }
      if (path === '/oncalls') {
        const policyIds = query.getAll('escalation_policy_ids[]');
        const since = Date.parse(query.get('since') ?? '');
        const until = Date.parse(query.get('until') ?? '');
        if (Number.isNaN(since) || Number.isNaN(until)) {
          return error(400, 'Invalid Input Provided', 2001);
        }
        const includeUsers = query.getAll('include[]').includes('users');
        const entries = data.oncalls
          .filter(o => policyIds.length === 0 || policyIds.includes(o.policyId))
          .filter(
            o =>
              (o.start === null || Date.parse(o.start) < until) &&
              (o.end === null || Date.parse(o.end) > since),
          )
          .map(o => {
            const policy = data.policies.find(p => p.id === o.policyId)!;
            return {
              escalation_policy: ref(
                'escalation_policy',
                policy.id,
                policy.name,
                'escalation_policies',
              ),
              escalation_level: o.level,
              schedule: o.scheduleId
                ? ref(
                    'schedule',
                    o.scheduleId,
                    o.scheduleName ?? o.scheduleId,
                    'schedules',
                  )
                : null,
              user: userOf(o.userId, includeUsers),
              start: o.start,
              end: o.end,
            };
          });
        return { status: 200, body: pdPage('oncalls', entries, query) };
      }
      if (path === '/incidents') {
        const statuses = query.getAll('statuses[]');
        const serviceIds = query.getAll('service_ids[]');
        const incidents = (data.incidents ?? [])
          .filter(i => statuses.length === 0 || statuses.includes(i.status))
          .filter(
            i => serviceIds.length === 0 || serviceIds.includes(i.serviceId),
          )
          .map((incident, index) => ({
            id: incident.id,
            type: 'incident',
            incident_number: index + 1,
            title: incident.title,
            summary: incident.title,
            status: incident.status,
            urgency: 'high',
            created_at: incident.createdAt,
            html_url: `${HTML}/incidents/${incident.id}`,
            service: ref(
              'service',
              incident.serviceId,
              incident.serviceId,
              'services',
            ),
          }));
        return { status: 200, body: pdPage('incidents', incidents, query) };
      }
      return error(404, 'Not Found', 2100);
    },
  });
}
