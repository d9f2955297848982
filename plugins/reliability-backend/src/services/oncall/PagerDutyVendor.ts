import {
  ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
} from '@reliability-suite/plugin-reliability-common';
import type { PagerDutyClient } from './PagerDutyClient';
import {
  VENDOR_READ_AHEAD_MS,
  type OnCallKey,
  type OnCallVendor,
  type VendorSnapshot,
} from './types';

/**
 * PagerDuty: the service (by id, or by one of its integration keys), its escalation policy's
 * levels, `/oncalls` over the next days and the service's open incidents.
 */
export class PagerDutyVendor implements OnCallVendor {
  readonly provider = 'pagerduty' as const;
  readonly annotations = [
    ANNOTATION_PAGERDUTY_SERVICE_ID,
    ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  ];
  readonly #client: PagerDutyClient;

  constructor(client: PagerDutyClient) {
    this.#client = client;
  }

  async fetchSnapshot(key: OnCallKey, now: Date): Promise<VendorSnapshot> {
    const service =
      key.annotation === ANNOTATION_PAGERDUTY_INTEGRATION_KEY
        ? await this.#client.findServiceByIntegrationKey(key.reference)
        : await this.#client.getService(key.reference);
    const fetchedAt = now.toISOString();
    if (!service) {
      return {
        provider: this.provider,
        fetchedAt,
        target: { exists: false, enabled: false },
        levelCount: 0,
        levelNames: {},
        entries: [],
      };
    }
    const [policy, oncalls, incidents] = await Promise.all([
      this.#client.getEscalationPolicy(service.escalation_policy.id),
      this.#client.listOnCalls(
        service.escalation_policy.id,
        now,
        new Date(now.getTime() + VENDOR_READ_AHEAD_MS),
      ),
      this.#client.listOpenIncidents(service.id),
    ]);
    const levelNames: Record<number, string> = {};
    for (const oncall of oncalls) {
      if (oncall.schedule?.summary && !levelNames[oncall.escalation_level]) {
        levelNames[oncall.escalation_level] = oncall.schedule.summary;
      }
    }
    return {
      provider: this.provider,
      fetchedAt,
      target: {
        exists: true,
        enabled: service.status !== 'disabled',
        name: service.name,
        ...(service.html_url && { url: service.html_url }),
      },
      levelCount: policy?.escalation_rules.length ?? 0,
      levelNames,
      entries: oncalls.map(oncall => ({
        level: oncall.escalation_level,
        start: oncall.start,
        end: oncall.end,
        person: {
          id: oncall.user.id,
          name: oncall.user.name ?? oncall.user.summary ?? oncall.user.id,
          ...(oncall.user.email && { email: oncall.user.email }),
        },
      })),
      incidents: incidents.map(incident => ({
        id: incident.id,
        title: incident.title,
        status: incident.status,
        createdAt: incident.created_at,
        ...(incident.html_url && { url: incident.html_url }),
      })),
    };
  }
}
