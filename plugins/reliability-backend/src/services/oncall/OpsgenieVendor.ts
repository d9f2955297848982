import {
  ANNOTATION_OPSGENIE_TEAM,
  type VendorOnCallEntry,
  type VendorPerson,
} from '@reliability-suite/plugin-reliability-common';
import type { OgRecipient, OpsgenieClient } from './OpsgenieClient';
import type { OnCallKey, OnCallVendor, VendorSnapshot } from './types';

/** Three weeks of timeline cover the 14 days shown and the day of caching. */
const TIMELINE_WEEKS = 3;

function personOf(recipient: OgRecipient): VendorPerson {
  const username = recipient.username ?? recipient.name ?? recipient.id;
  return {
    id: recipient.id,
    name: username,
    ...(username.includes('@') && { email: username }),
  };
}

/**
 * Opsgenie (`opsgenie.com/team`): the team, its escalation's rules as the levels (a schedule
 * rule is that schedule's final timeline, a user rule is that user all the time) or, without
 * an escalation, the team's first schedule as the only level. `opsgenie.com/component-selector`
 * selects alerts, not people, so it is not read.
 */
export class OpsgenieVendor implements OnCallVendor {
  readonly provider = 'opsgenie' as const;
  readonly annotations = [ANNOTATION_OPSGENIE_TEAM];
  readonly #client: OpsgenieClient;

  constructor(client: OpsgenieClient) {
    this.#client = client;
  }

  async fetchSnapshot(key: OnCallKey, now: Date): Promise<VendorSnapshot> {
    const fetchedAt = now.toISOString();
    const team = await this.#client.getTeamByName(key.reference);
    if (!team) {
      return {
        provider: this.provider,
        fetchedAt,
        target: { exists: false, enabled: false },
        levelCount: 0,
        levelNames: {},
        entries: [],
      };
    }
    const [schedules, escalations] = await Promise.all([
      this.#client.listSchedules(),
      this.#client.listEscalations(),
    ]);
    const owned = <T extends { name: string; ownerTeam?: { id: string } }>(
      items: T[],
      suffix: string,
    ) =>
      items
        .filter(item => item.ownerTeam?.id === team.id)
        // Opsgenie names a team's defaults `<team>_schedule` and `<team>_escalation`.
        .sort(
          (a, b) =>
            Number(b.name === `${team.name}${suffix}`) -
            Number(a.name === `${team.name}${suffix}`),
        );
    const escalation = owned(escalations, '_escalation')[0];
    const rules = escalation
      ? [...escalation.rules].sort(
          (a, b) => a.delay.timeAmount - b.delay.timeAmount,
        )
      : owned(schedules, '_schedule')
          .slice(0, 1)
          .map(schedule => ({
            delay: { timeAmount: 0 },
            recipient: {
              id: schedule.id,
              type: 'schedule',
              name: schedule.name,
            },
          }));
    const entries: VendorOnCallEntry[] = [];
    const levelNames: Record<number, string> = {};
    let enabled = rules.length > 0;
    for (const [index, rule] of rules.entries()) {
      const level = index + 1;
      const { recipient } = rule;
      if (recipient.type === 'schedule') {
        const schedule = schedules.find(s => s.id === recipient.id);
        levelNames[level] = schedule?.name ?? recipient.name ?? recipient.id;
        if (level === 1 && schedule && !schedule.enabled) {
          enabled = false;
        }
        const periods = await this.#client.getTimeline(
          recipient.id,
          now,
          TIMELINE_WEEKS,
        );
        for (const period of periods) {
          entries.push({
            level,
            start: period.startDate,
            end: period.endDate,
            person: personOf(period.recipient),
          });
        }
      } else if (recipient.type === 'user') {
        entries.push({
          level,
          start: null,
          end: null,
          person: personOf(recipient),
        });
      }
    }
    return {
      provider: this.provider,
      fetchedAt,
      target: { exists: true, enabled, name: team.name },
      levelCount: rules.length,
      levelNames,
      entries,
    };
  }
}
