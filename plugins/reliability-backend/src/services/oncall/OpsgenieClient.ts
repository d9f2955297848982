import { getVendorJson, type VendorHttpOptions } from './vendorHttp';

/** Opsgenie REST API v2 objects, the parts the suite reads. */
export interface OgTeam {
  id: string;
  name: string;
}

export interface OgSchedule {
  id: string;
  name: string;
  enabled: boolean;
  timezone?: string;
  ownerTeam?: { id: string; name: string };
}

export interface OgRecipient {
  id: string;
  type: string;
  /** Users: their username (an email address); schedules and teams: their name. */
  name?: string;
  username?: string;
}

export interface OgEscalation {
  id: string;
  name: string;
  ownerTeam?: { id: string; name: string };
  rules: Array<{
    delay: { timeAmount: number; timeUnit?: string };
    recipient: OgRecipient;
  }>;
}

export interface OgPeriod {
  startDate: string;
  endDate: string;
  type: string;
  recipient: OgRecipient;
}

interface Envelope<T> {
  data: T;
}

/**
 * Opsgenie REST API v2 (`Authorization: GenieKey ...`): teams, schedules with their final
 * timeline (rotations, overrides applied), escalations. A 429 waits for Retry-After.
 */
export class OpsgenieClient {
  readonly #http: VendorHttpOptions;

  constructor(options: {
    apiKey: string;
    baseUrl?: string;
    http?: Partial<VendorHttpOptions>;
  }) {
    this.#http = {
      vendor: 'Opsgenie',
      baseUrl: options.baseUrl ?? 'https://api.opsgenie.com',
      headers: { Authorization: `GenieKey ${options.apiKey}` },
      ...options.http,
    };
  }

  async getTeamByName(name: string): Promise<OgTeam | undefined> {
    const body = await getVendorJson<Envelope<OgTeam>>(
      this.#http,
      `/v2/teams/${encodeURIComponent(name)}`,
      new URLSearchParams({ identifierType: 'name' }),
    );
    return body?.data;
  }

  async listSchedules(): Promise<OgSchedule[]> {
    const body = await getVendorJson<Envelope<OgSchedule[]>>(
      this.#http,
      '/v2/schedules',
    );
    return body?.data ?? [];
  }

  async listEscalations(): Promise<OgEscalation[]> {
    const body = await getVendorJson<Envelope<OgEscalation[]>>(
      this.#http,
      '/v2/escalations',
    );
    return body?.data ?? [];
  }

  /** The schedule's final timeline (overrides applied) for `weeks` weeks from `from`. */
  async getTimeline(
    scheduleId: string,
    from: Date,
    weeks: number,
  ): Promise<OgPeriod[]> {
    const body = await getVendorJson<
      Envelope<{
        finalTimeline?: { rotations?: Array<{ periods?: OgPeriod[] }> };
      }>
    >(
      this.#http,
      `/v2/schedules/${encodeURIComponent(scheduleId)}/timeline`,
      new URLSearchParams({
        identifierType: 'id',
        interval: String(weeks),
        intervalUnit: 'weeks',
        date: from.toISOString(),
      }),
    );
    return (body?.data.finalTimeline?.rotations ?? []).flatMap(
      rotation => rotation.periods ?? [],
    );
  }
}
