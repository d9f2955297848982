import { parseRotationsConfig } from './parseRotationsConfig';

const valid = {
  name: 'search-primary',
  timeZone: 'Europe/Berlin',
  start: '2026-01-05T09:00',
  shift: '1w',
  members: ['user:default/ada', 'grace'],
  escalation: ['search-secondary'],
};
const secondary = { ...valid, name: 'search-secondary', escalation: [] };

describe('parseRotationsConfig', () => {
  it('reads rotations by name, member refs normalised', () => {
    const rotations = parseRotationsConfig([valid, secondary]);
    expect(rotations.get('search-primary')).toEqual({
      name: 'search-primary',
      timeZone: 'Europe/Berlin',
      startNaive: Date.UTC(2026, 0, 5, 9, 0),
      shiftMs: 7 * 86_400_000,
      members: ['user:default/ada', 'user:default/grace'],
      escalation: ['search-secondary'],
    });
    expect(parseRotationsConfig(undefined).size).toBe(0);
  });

  it.each([
    [
      { ...valid, timeZone: 'Mars/Olympus' },
      'reliability.oncall.rotations[0].timeZone: "Mars/Olympus" is not an IANA time zone',
    ],
    [
      { ...valid, start: '2026-02-30T09:00' },
      'reliability.oncall.rotations[0].start: "2026-02-30T09:00" is not a local time',
    ],
    [
      { ...valid, start: '2026-01-05T09:00Z' },
      'reliability.oncall.rotations[0].start',
    ],
    [
      { ...valid, shift: '2 weeks' },
      'reliability.oncall.rotations[0].shift: "2 weeks" is not a shift length',
    ],
    [{ ...valid, shift: '0d' }, 'reliability.oncall.rotations[0].shift'],
    [
      { ...valid, members: [] },
      'reliability.oncall.rotations[0].members: must list',
    ],
    [
      { ...valid, members: ['user:default/ada', 'group:default/sre'] },
      'reliability.oncall.rotations[0].members[1]: "group:default/sre" is not a user',
    ],
    [
      { ...valid, escalation: ['nowhere'] },
      'reliability.oncall.rotations[0].escalation[0]: "nowhere" names no rotation',
    ],
    [
      { ...valid, escalation: ['search-primary'] },
      'reliability.oncall.rotations[0].escalation[0]: "search-primary" escalates to itself',
    ],
    [{ ...valid, name: '' }, 'reliability.oncall.rotations[0].name'],
  ])('names the bad key (%#)', (rotation, message) => {
    expect(() => parseRotationsConfig([rotation, secondary])).toThrow(message);
  });

  it('rejects duplicate names and a non-list', () => {
    expect(() => parseRotationsConfig([secondary, secondary])).toThrow(
      'reliability.oncall.rotations[1].name: "search-secondary" is used by two rotations',
    );
    expect(() => parseRotationsConfig({ name: 'x' })).toThrow(
      'reliability.oncall.rotations: must be a list',
    );
  });
});
