import {
  liveFromVendorEntries,
  notConfiguredLive,
  unavailableLive,
  type VendorOnCallEntry,
} from './vendorLive';

const NOW = new Date('2026-12-07T10:00:00Z');
const at = (hours: number) =>
  new Date(NOW.getTime() + hours * 3_600_000).toISOString();
const ada = { id: 'U1', name: 'ada', email: 'ADA@acme.example' };
const grace = { id: 'U2', name: 'Grace H.' };
const people = new Map([
  ['ada@acme.example', { ref: 'user:default/ada', name: 'Ada Lovelace' }],
]);

const live = (entries: VendorOnCallEntry[], levelCount = 2) =>
  liveFromVendorEntries({
    provider: 'pagerduty',
    now: NOW,
    fetchedAt: at(-1),
    entries,
    levelCount,
    target: { exists: true, enabled: true },
    people,
  });

describe('liveFromVendorEntries', () => {
  it('merges back-to-back entries of one person into one stretch, so "until" is when they hand over', () => {
    const result = live([
      { level: 1, person: ada, start: at(-5), end: at(2) },
      { level: 1, person: ada, start: at(2), end: at(10) },
      { level: 1, person: grace, start: at(10), end: at(400) },
      { level: 2, person: grace, start: null, end: null },
    ]);
    expect(result.levels).toEqual([
      {
        level: 1,
        onCall: [
          {
            ref: 'user:default/ada',
            name: 'Ada Lovelace',
            email: 'ADA@acme.example',
            until: at(10),
          },
        ],
      },
      { level: 2, onCall: [{ ref: null, name: 'Grace H.', until: null }] },
    ]);
    expect(result.fetchedAt).toBe(at(-1));
    expect(result.nextHandoff).toBe(at(10));
    expect(result.gapsNext14Days).toEqual([]);
    expect(result.peopleNext14Days).toBe(2);
    expect(result.shifts!.map(s => [s.level, s.name, s.start, s.end])).toEqual([
      [1, 'Ada Lovelace', NOW.toISOString(), at(10)],
      [2, 'Grace H.', NOW.toISOString(), at(14 * 24)],
      [1, 'Grace H.', at(10), at(14 * 24)],
    ]);
  });

  it("finds the first level's holes, including an empty level and data that ends early", () => {
    const result = live([
      { level: 1, person: ada, start: at(-5), end: at(24) },
      { level: 1, person: grace, start: at(48), end: at(300) },
    ]);
    expect(result.gapsNext14Days).toEqual([
      { start: at(24), end: at(48) },
      { start: at(300), end: at(14 * 24) },
    ]);
    expect(result.levels[1]).toEqual({ level: 2, onCall: [] });
    expect(live([], 1).gapsNext14Days).toEqual([
      { start: NOW.toISOString(), end: at(14 * 24) },
    ]);
    expect(live([], 1).nextHandoff).toBeNull();
  });

  it('shapes unavailable and not-configured answers', () => {
    expect(unavailableLive('opsgenie', NOW, 'Opsgenie: answered 503')).toEqual({
      state: 'unavailable',
      fetchedAt: NOW.toISOString(),
      levels: [],
      nextHandoff: null,
      gapsNext14Days: [],
      peopleNext14Days: 0,
      reason: 'Opsgenie: answered 503',
      provider: 'opsgenie',
    });
    expect(notConfiguredLive(NOW, 'not configured').state).toBe(
      'not-configured',
    );
  });
});
