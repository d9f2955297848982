import { getVendorJson, type VendorHttpOptions } from './vendorHttp';

/** Splunk On-Call (VictorOps) public API objects, the parts the suite reads. */
export interface SocTeam {
  name: string;
  slug: string;
}

export interface SocRoutingKey {
  routingKey: string;
  targets: Array<{ policyName: string; policySlug: string; _teamUrl?: string }>;
}

export interface SocRoll {
  change: string;
  until: string;
  onCallUser: { username: string };
  isRoll?: boolean;
}

export interface SocPolicySchedule {
  policy: { name: string; slug: string };
  schedule: Array<{
    onCallUser?: { username: string };
    onCallType?: string;
    rotationName?: string;
    shiftName?: string;
    rolls: SocRoll[];
  }>;
  overrides?: unknown[];
}

export interface SocUser {
  username: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

/**
 * Splunk On-Call public API (`X-VO-Api-Id`, `X-VO-Api-Key`): teams, routing keys, a team's
 * on-call schedule (v2) and users. A 429 waits for Retry-After.
 */
export class SplunkOnCallClient {
  readonly #http: VendorHttpOptions;

  constructor(options: {
    apiId: string;
    apiKey: string;
    baseUrl?: string;
    http?: Partial<VendorHttpOptions>;
  }) {
    this.#http = {
      vendor: 'Splunk On-Call',
      baseUrl: options.baseUrl ?? 'https://api.victorops.com',
      headers: { 'X-VO-Api-Id': options.apiId, 'X-VO-Api-Key': options.apiKey },
      ...options.http,
    };
  }

  async listTeams(): Promise<SocTeam[]> {
    return (
      (await getVendorJson<SocTeam[]>(this.#http, '/api-public/v1/team')) ?? []
    );
  }

  async listRoutingKeys(): Promise<SocRoutingKey[]> {
    const body = await getVendorJson<{ routingKeys: SocRoutingKey[] }>(
      this.#http,
      '/api-public/v1/org/routing-keys',
    );
    return body?.routingKeys ?? [];
  }

  /** The team's schedule per escalation policy, `daysForward` days ahead; undefined for an unknown team. */
  async getTeamSchedule(
    teamSlug: string,
    daysForward: number,
  ): Promise<SocPolicySchedule[] | undefined> {
    const body = await getVendorJson<{ schedules: SocPolicySchedule[] }>(
      this.#http,
      `/api-public/v2/team/${encodeURIComponent(teamSlug)}/oncall/schedule`,
      new URLSearchParams({ daysForward: String(daysForward) }),
    );
    return body?.schedules;
  }

  /** Every user; the v1 list nests them in an extra array, which is flattened. */
  async listUsers(): Promise<SocUser[]> {
    const body = await getVendorJson<{ users: Array<SocUser | SocUser[]> }>(
      this.#http,
      '/api-public/v1/user',
    );
    return (body?.users ?? []).flat();
  }
}
