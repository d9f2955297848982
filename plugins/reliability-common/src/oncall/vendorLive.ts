import { ONCALL_HORIZON_MS } from './rotationLive';
import { countPeople, earliest, gapsOf } from './summary';
import type {
  OnCallIncident,
  OnCallLevel,
  OnCallLive,
  OnCallPerson,
  OnCallShift,
  OnCallTarget,
} from './types';

/** A person as a vendor knows them. */
export interface VendorPerson {
  /** The vendor's user id (or username). */
  id: string;
  name: string;
  email?: string;
}

/** One vendor on-call entry: a person on one escalation level over [start, end). */
export interface VendorOnCallEntry {
  level: number;
  person: VendorPerson;
  /** ISO; null when it began before what the vendor reports. */
  start: string | null;
  /** ISO; null when it does not end (always on call). */
  end: string | null;
}

/** Catalog users by lower-cased email, to turn vendor people into catalog refs. */
export type PeopleByEmail = ReadonlyMap<string, { ref: string; name: string }>;

interface Span {
  person: VendorPerson;
  start: number;
  end: number;
}

/** Entries of one level clipped to [from, to), contiguous spans of one person merged. */
function spansOf(
  entries: VendorOnCallEntry[],
  from: number,
  to: number,
): Span[] {
  const spans = entries
    .map(entry => ({
      person: entry.person,
      start: Math.max(from, entry.start ? Date.parse(entry.start) : from),
      end: Math.min(to, entry.end ? Date.parse(entry.end) : Infinity),
    }))
    .filter(span => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const same = merged.find(
      other =>
        other.person.id === span.person.id &&
        other.end >= span.start &&
        other.start <= span.start,
    );
    if (same) {
      same.end = Math.max(same.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/**
 * The contract's live on-call from a vendor's entries (PagerDuty `/oncalls`, Opsgenie and
 * JSM timelines, Splunk On-Call schedules): who is on each level now and until when, the
 * first level's gaps and the people of the next 14 days. `levelCount` is the number of
 * escalation levels the vendor defines, so a level without anyone on call still counts as a
 * level (and its emptiness shows). Pure.
 */
export function liveFromVendorEntries(options: {
  provider: NonNullable<OnCallLive['provider']>;
  now: Date;
  /** When the entries were read (ISO); default `now`. */
  fetchedAt?: string;
  entries: VendorOnCallEntry[];
  levelCount: number;
  target: OnCallTarget;
  people: PeopleByEmail;
  incidents?: OnCallIncident[];
  /** Names of the levels (schedule names), by level. */
  levelNames?: Readonly<Record<number, string>>;
}): OnCallLive {
  const now = options.now.getTime();
  const horizon = now + ONCALL_HORIZON_MS;
  const person = (vendor: VendorPerson) => {
    const match = vendor.email
      ? options.people.get(vendor.email.toLocaleLowerCase('en-US'))
      : undefined;
    return {
      ref: match?.ref ?? null,
      name: match?.name ?? vendor.name,
      ...(vendor.email && { email: vendor.email }),
    };
  };
  const levels: OnCallLevel[] = [];
  const shifts: OnCallShift[] = [];
  let firstLevelSpans: Span[] = [];
  for (let level = 1; level <= options.levelCount; level++) {
    const levelEntries = options.entries.filter(entry => entry.level === level);
    // Spans from the far past keep "until" right for whoever is on call now.
    const spans = spansOf(levelEntries, now, Infinity);
    if (level === 1) {
      firstLevelSpans = spans;
    }
    const onCall: OnCallPerson[] = spans
      .filter(span => span.start <= now)
      .map(span => ({
        ...person(span.person),
        until: Number.isFinite(span.end)
          ? new Date(span.end).toISOString()
          : null,
      }));
    levels.push({
      level,
      onCall,
      ...(options.levelNames?.[level] && {
        name: options.levelNames[level],
      }),
    });
    for (const span of spans) {
      if (span.start >= horizon) {
        continue;
      }
      const shown = person(span.person);
      shifts.push({
        level,
        ref: shown.ref,
        name: shown.name,
        start: new Date(span.start).toISOString(),
        end: new Date(Math.min(span.end, horizon)).toISOString(),
      });
    }
  }
  shifts.sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.level - b.level,
  );
  return {
    state: 'ok',
    fetchedAt: options.fetchedAt ?? options.now.toISOString(),
    levels,
    nextHandoff: earliest([
      ...(levels[0]?.onCall.map(onCall => onCall.until) ?? []),
      ...firstLevelSpans
        .filter(span => span.start > now && span.start < horizon)
        .slice(0, 1)
        .map(span => new Date(span.start).toISOString()),
    ]),
    gapsNext14Days: gapsOf(firstLevelSpans, now, horizon),
    // People without a catalog match are told apart by the vendor's name.
    peopleNext14Days: countPeople(shifts),
    reason: null,
    provider: options.provider,
    target: options.target,
    shifts,
    ...(options.incidents && { incidents: options.incidents }),
  };
}

/** Live data for a provider that could not be asked; `reason` says why. */
export function unavailableLive(
  provider: NonNullable<OnCallLive['provider']>,
  now: Date,
  reason: string,
): OnCallLive {
  return {
    state: 'unavailable',
    fetchedAt: now.toISOString(),
    levels: [],
    nextHandoff: null,
    gapsNext14Days: [],
    peopleNext14Days: 0,
    reason,
    provider,
  };
}

/** Live data for a key whose provider is not configured. */
export function notConfiguredLive(now: Date, reason: string): OnCallLive {
  return {
    state: 'not-configured',
    fetchedAt: now.toISOString(),
    levels: [],
    nextHandoff: null,
    gapsNext14Days: [],
    peopleNext14Days: 0,
    reason,
  };
}
