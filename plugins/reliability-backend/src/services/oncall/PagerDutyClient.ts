import { getVendorJson, type VendorHttpOptions } from './vendorHttp';

/** The parts of PagerDuty REST API v2 objects the suite reads. */
export interface PdReference {
  id: string;
  type: string;
  summary?: string;
  html_url?: string;
}

export interface PdService {
  id: string;
  name: string;
  /** `active`, `warning`, `critical`, `maintenance` or `disabled`. */
  status: string;
  html_url?: string;
  escalation_policy: PdReference;
  integrations?: Array<PdReference & { integration_key?: string }>;
}

export interface PdEscalationPolicy {
  id: string;
  name: string;
  html_url?: string;
  escalation_rules: Array<{
    id: string;
    escalation_delay_in_minutes: number;
    targets: PdReference[];
  }>;
}

export interface PdOnCall {
  escalation_level: number;
  start: string | null;
  end: string | null;
  schedule: PdReference | null;
  user: PdReference & { name?: string; email?: string };
}

export interface PdIncident {
  id: string;
  incident_number?: number;
  title: string;
  status: string;
  created_at: string;
  html_url?: string;
}

interface PdPage {
  limit: number;
  offset: number;
  more: boolean;
}

const PAGE_LIMIT = 100;
/** Pages followed at most per list; PagerDuty caps offset pagination at 10,000 records. */
const MAX_PAGES = 100;

/**
 * PagerDuty REST API v2 (`Authorization: Token token=...`). Lists follow offset pagination
 * (`limit`, `offset`, `more`); a 429 waits for Retry-After.
 */
export class PagerDutyClient {
  readonly #http: VendorHttpOptions;

  constructor(options: {
    token: string;
    baseUrl?: string;
    http?: Partial<VendorHttpOptions>;
  }) {
    this.#http = {
      vendor: 'PagerDuty',
      baseUrl: options.baseUrl ?? 'https://api.pagerduty.com',
      headers: {
        Authorization: `Token token=${options.token}`,
        Accept: 'application/vnd.pagerduty+json;version=2',
      },
      ...options.http,
    };
  }

  async getService(id: string): Promise<PdService | undefined> {
    const body = await getVendorJson<{ service: PdService }>(
      this.#http,
      `/services/${encodeURIComponent(id)}`,
    );
    return body?.service;
  }

  /** The service one of whose integrations has this key (the `pagerduty.com/integration-key` annotation). */
  async findServiceByIntegrationKey(
    integrationKey: string,
  ): Promise<PdService | undefined> {
    const services = await this.#list<PdService>(
      '/services',
      'services',
      new URLSearchParams([['include[]', 'integrations']]),
    );
    return services.find(service =>
      service.integrations?.some(
        integration => integration.integration_key === integrationKey,
      ),
    );
  }

  async getEscalationPolicy(
    id: string,
  ): Promise<PdEscalationPolicy | undefined> {
    const body = await getVendorJson<{ escalation_policy: PdEscalationPolicy }>(
      this.#http,
      `/escalation_policies/${encodeURIComponent(id)}`,
    );
    return body?.escalation_policy;
  }

  /** Every on-call entry of the policy over [since, until], with users' names and emails. */
  listOnCalls(policyId: string, since: Date, until: Date): Promise<PdOnCall[]> {
    return this.#list<PdOnCall>(
      '/oncalls',
      'oncalls',
      new URLSearchParams([
        ['escalation_policy_ids[]', policyId],
        ['since', since.toISOString()],
        ['until', until.toISOString()],
        ['include[]', 'users'],
      ]),
    );
  }

  listOpenIncidents(serviceId: string): Promise<PdIncident[]> {
    return this.#list<PdIncident>(
      '/incidents',
      'incidents',
      new URLSearchParams([
        ['statuses[]', 'triggered'],
        ['statuses[]', 'acknowledged'],
        ['service_ids[]', serviceId],
      ]),
    );
  }

  async #list<T>(
    path: string,
    key: string,
    query: URLSearchParams,
  ): Promise<T[]> {
    const items: T[] = [];
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const pageQuery = new URLSearchParams(query);
      pageQuery.set('limit', String(PAGE_LIMIT));
      pageQuery.set('offset', String(offset));
      const body = await getVendorJson<PdPage & Record<string, unknown>>(
        this.#http,
        path,
        pageQuery,
      );
      const pageItems = (body?.[key] as T[] | undefined) ?? [];
      items.push(...pageItems);
      if (!body?.more || pageItems.length === 0) {
        break;
      }
      offset += pageItems.length;
    }
    return items;
  }
}
