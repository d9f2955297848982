/**
 * Live on-call data (the report's `oncall.live`): who is on call now, the escalation ladder
 * and the next 14 days, from a neutral rotation or a vendor (PagerDuty, Opsgenie / Jira
 * Service Management, Splunk On-Call). Contract fields: state, fetchedAt, levels (level,
 * onCall: ref, name, until), nextHandoff, gapsNext14Days, peopleNext14Days, reason.
 */

/** `ok`; `unavailable` (the provider could not be reached or erred: `reason` says which); `not-configured` (no provider set up for the entity's key). */
export type OnCallLiveState = 'ok' | 'unavailable' | 'not-configured';

export interface OnCallPerson {
  /** The catalog user's ref when one matches (by email for vendors); else null. */
  ref: string | null;
  /** Display name: the catalog user's, else the vendor's. */
  name: string;
  /** Contact email, when known. */
  email?: string;
  /** When this person's time on call ends (ISO); null when it does not end within sight. */
  until: string | null;
}

export interface OnCallLevel {
  /** 1 is the first to be paged. */
  level: number;
  onCall: OnCallPerson[];
  /** The rotation or schedule behind the level, when it has a name. */
  name?: string;
}

/** A stretch of time, ISO instants, [start, end). */
export interface OnCallInterval {
  start: string;
  end: string;
}

/** Who is on call on one level over a stretch of the next 14 days. */
export interface OnCallShift extends OnCallInterval {
  level: number;
  ref: string | null;
  name: string;
}

/** An open incident on the vendor's service. */
export interface OnCallIncident {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  url?: string;
}

/** Whether the referenced service, team, schedule or rotation exists and is enabled. */
export interface OnCallTarget {
  exists: boolean;
  enabled: boolean;
  /** Its name at the provider, when it exists. */
  name?: string;
  /** A link to it at the provider. */
  url?: string;
}

export interface OnCallLive {
  state: OnCallLiveState;
  /** When the data was read from the provider (for rotations: computed). */
  fetchedAt: string;
  levels: OnCallLevel[];
  /** The next change of the first level's on-call (ISO), or null. */
  nextHandoff: string | null;
  /** Stretches of the next 14 days when the first level has nobody on call. */
  gapsNext14Days: OnCallInterval[];
  /** Distinct people on call on any level in the next 14 days. */
  peopleNext14Days: number;
  reason: string | null;
  /** Which provider answered. */
  provider?: 'rotation' | 'pagerduty' | 'opsgenie' | 'splunk-on-call';
  target?: OnCallTarget;
  /** Every level's shifts over the next 14 days, in time order. */
  shifts?: OnCallShift[];
  /** Open incidents (vendors that have them). */
  incidents?: OnCallIncident[];
}
