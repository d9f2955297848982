import {
  ANNOTATION_SPLUNK_ON_CALL_ROUTING_KEY,
  ANNOTATION_SPLUNK_ON_CALL_TEAM,
  type VendorOnCallEntry,
} from '@reliability-suite/plugin-reliability-common';
import type { SplunkOnCallClient, SocUser } from './SplunkOnCallClient';
import type { OnCallKey, OnCallVendor, VendorSnapshot } from './types';

const DAYS_FORWARD = 15;

/**
 * Splunk On-Call: `splunk.com/on-call-team` (the team's name or slug) or
 * `splunk.com/on-call-routing-key` (the team and escalation policy the key routes to). The
 * policy's schedule entries, in order, are its escalation levels; each entry's rolls are who is
 * on call when. Users are matched by the email of their Splunk On-Call profile.
 */
export class SplunkOnCallVendor implements OnCallVendor {
  readonly provider = 'splunk-on-call' as const;
  readonly annotations = [
    ANNOTATION_SPLUNK_ON_CALL_TEAM,
    ANNOTATION_SPLUNK_ON_CALL_ROUTING_KEY,
  ];
  readonly #client: SplunkOnCallClient;

  constructor(client: SplunkOnCallClient) {
    this.#client = client;
  }

  async fetchSnapshot(key: OnCallKey, now: Date): Promise<VendorSnapshot> {
    const fetchedAt = now.toISOString();
    const missing: VendorSnapshot = {
      provider: this.provider,
      fetchedAt,
      target: { exists: false, enabled: false },
      levelCount: 0,
      levelNames: {},
      entries: [],
    };
    const teams = await this.#client.listTeams();
    let teamSlug: string | undefined;
    let policySlug: string | undefined;
    let targetName = key.reference;
    if (key.annotation === ANNOTATION_SPLUNK_ON_CALL_ROUTING_KEY) {
      const routing = (await this.#client.listRoutingKeys()).find(
        candidate => candidate.routingKey === key.reference,
      );
      const target = routing?.targets[0];
      teamSlug = target?._teamUrl?.split('/').pop();
      policySlug = target?.policySlug;
      if (target) {
        targetName = `${key.reference} → ${target.policyName}`;
      }
    } else {
      teamSlug = teams.find(
        team => team.name === key.reference || team.slug === key.reference,
      )?.slug;
    }
    if (!teamSlug) {
      return missing;
    }
    const [schedules, users] = await Promise.all([
      this.#client.getTeamSchedule(teamSlug, DAYS_FORWARD),
      this.#client.listUsers(),
    ]);
    if (!schedules) {
      return missing;
    }
    const policy = policySlug
      ? schedules.find(schedule => schedule.policy.slug === policySlug)
      : schedules[0];
    if (!policy) {
      return {
        ...missing,
        target: { exists: true, enabled: false, name: targetName },
      };
    }
    const byUsername = new Map(users.map(user => [user.username, user]));
    const entries: VendorOnCallEntry[] = [];
    const levelNames: Record<number, string> = {};
    policy.schedule.forEach((step, index) => {
      const level = index + 1;
      if (step.rotationName) {
        levelNames[level] = step.rotationName;
      }
      for (const roll of step.rolls) {
        entries.push({
          level,
          start: roll.change,
          end: roll.until,
          person: personOf(roll.onCallUser.username, byUsername),
        });
      }
    });
    return {
      provider: this.provider,
      fetchedAt,
      target: {
        exists: true,
        enabled: policy.schedule.length > 0,
        name: `${targetName} (${policy.policy.name})`,
      },
      levelCount: policy.schedule.length,
      levelNames,
      entries,
    };
  }
}

function personOf(username: string, users: Map<string, SocUser>) {
  const user = users.get(username);
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(' ');
  return {
    id: username,
    name: name || username,
    ...(user?.email && { email: user.email }),
  };
}
