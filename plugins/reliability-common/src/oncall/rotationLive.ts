import {
  onCallAt,
  onCallUntil,
  segmentsBetween,
  type Rotation,
} from './rotation';
import { countPeople, earliest, gapsOf } from './summary';
import type { OnCallLevel, OnCallLive, OnCallShift } from './types';

/** The look-ahead of `gapsNext14Days`, `peopleNext14Days` and `shifts`. */
export const ONCALL_HORIZON_MS = 14 * 86_400_000;

/** How a catalog user is shown: display name and email, when the catalog has them. */
export interface PersonDetails {
  name: string;
  email?: string;
}

/**
 * The live on-call of a neutral rotation and its escalation rotations, at `now`. Pure: the
 * rotations come from config, `people` from the catalog (a ref it does not know is shown as
 * the ref).
 */
export function liveFromRotation(options: {
  rotation: Rotation;
  rotations: ReadonlyMap<string, Rotation>;
  now: Date;
  people: ReadonlyMap<string, PersonDetails>;
}): OnCallLive {
  const { rotation, rotations, people } = options;
  const now = options.now.getTime();
  const horizon = now + ONCALL_HORIZON_MS;
  const chain = [
    rotation,
    ...rotation.escalation.flatMap(name => rotations.get(name) ?? []),
  ];
  const display = (ref: string) => people.get(ref)?.name ?? ref;

  const levels: OnCallLevel[] = [];
  const shifts: OnCallShift[] = [];
  chain.forEach((levelRotation, index) => {
    const level = index + 1;
    const member = onCallAt(levelRotation, now);
    const until = onCallUntil(levelRotation, now);
    levels.push({
      level,
      name: levelRotation.name,
      onCall: member
        ? [
            {
              ref: member,
              name: display(member),
              ...(people.get(member)?.email && {
                email: people.get(member)!.email,
              }),
              until: until === null ? null : new Date(until).toISOString(),
            },
          ]
        : [],
    });
    for (const segment of segmentsBetween(levelRotation, now, horizon)) {
      shifts.push({
        level,
        ref: segment.member,
        name: display(segment.member),
        start: new Date(segment.start).toISOString(),
        end: new Date(segment.end).toISOString(),
      });
    }
  });
  shifts.sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.level - b.level,
  );
  const firstLevel = segmentsBetween(rotation, now, horizon);
  return {
    state: 'ok',
    fetchedAt: options.now.toISOString(),
    levels,
    nextHandoff: earliest([
      ...levels[0].onCall.map(person => person.until),
      // Before the rotation starts, its first handoff is the next one.
      ...firstLevel
        .filter(segment => segment.start > now)
        .slice(0, 1)
        .map(segment => new Date(segment.start).toISOString()),
    ]),
    gapsNext14Days: gapsOf(firstLevel, now, horizon),
    peopleNext14Days: countPeople(shifts),
    reason: null,
    provider: 'rotation',
    target: {
      exists: true,
      enabled: rotation.members.length > 0,
      name: rotation.name,
    },
    shifts,
  };
}
