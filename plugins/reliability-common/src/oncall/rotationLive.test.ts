import { parseRotationsConfig } from './parseRotationsConfig';
import { liveFromRotation } from './rotationLive';

const rotations = parseRotationsConfig([
  {
    name: 'primary',
    timeZone: 'Europe/Berlin',
    start: '2026-11-30T09:00',
    shift: '1w',
    members: ['user:default/ada', 'user:default/grace'],
    escalation: ['secondary'],
  },
  {
    name: 'secondary',
    timeZone: 'America/New_York',
    start: '2026-12-01T09:00',
    shift: '1w',
    members: ['user:default/linus'],
  },
  {
    name: 'later',
    timeZone: 'Asia/Kolkata',
    start: '2026-12-10T09:30',
    shift: '1d',
    members: ['user:default/ada'],
  },
]);
const people = new Map([
  ['user:default/ada', { name: 'Ada Lovelace', email: 'ada@acme.example' }],
  ['user:default/grace', { name: 'Grace Hopper' }],
]);

describe('liveFromRotation', () => {
  it('gives each level on call now, the next handoff, the next 14 days and the people in them', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const live = liveFromRotation({
      rotation: rotations.get('primary')!,
      rotations,
      now,
      people,
    });
    expect(live).toMatchObject({
      state: 'ok',
      fetchedAt: '2026-12-07T12:00:00.000Z',
      levels: [
        {
          level: 1,
          name: 'primary',
          onCall: [
            {
              ref: 'user:default/grace',
              name: 'Grace Hopper',
              until: '2026-12-14T08:00:00.000Z',
            },
          ],
        },
        {
          level: 2,
          name: 'secondary',
          onCall: [
            {
              ref: 'user:default/linus',
              name: 'user:default/linus',
              until: null,
            },
          ],
        },
      ],
      nextHandoff: '2026-12-14T08:00:00.000Z',
      gapsNext14Days: [],
      peopleNext14Days: 3,
      reason: null,
      target: { exists: true, enabled: true, name: 'primary' },
    });
    expect(live.shifts!.filter(shift => shift.level === 1)).toEqual([
      {
        level: 1,
        ref: 'user:default/grace',
        name: 'Grace Hopper',
        start: '2026-12-07T12:00:00.000Z',
        end: '2026-12-14T08:00:00.000Z',
      },
      {
        level: 1,
        ref: 'user:default/ada',
        name: 'Ada Lovelace',
        start: '2026-12-14T08:00:00.000Z',
        end: '2026-12-21T08:00:00.000Z',
      },
      // Cut at the end of the 14 days.
      {
        level: 1,
        ref: 'user:default/grace',
        name: 'Grace Hopper',
        start: '2026-12-21T08:00:00.000Z',
        end: '2026-12-21T12:00:00.000Z',
      },
    ]);
  });

  it('reports the time before a rotation starts as a gap, with its start as the next handoff', () => {
    const live = liveFromRotation({
      rotation: rotations.get('later')!,
      rotations,
      now: new Date('2026-12-07T12:00:00Z'),
      people,
    });
    expect(live.levels).toEqual([{ level: 1, name: 'later', onCall: [] }]);
    expect(live.gapsNext14Days).toEqual([
      { start: '2026-12-07T12:00:00.000Z', end: '2026-12-10T04:00:00.000Z' },
    ]);
    expect(live.nextHandoff).toBe('2026-12-10T04:00:00.000Z');
    expect(live.peopleNext14Days).toBe(1);
  });
});
