import {
  formatRatio,
  formatShare,
  sharePercent,
  shortRef,
  tierFilter,
  tierLabel,
} from './coverageFormat';

describe('coverage formatting', () => {
  it('formats shares and ratios', () => {
    expect(formatShare(9, 12)).toBe('75%');
    expect(formatShare(0, 0)).toBe('–');
    expect(formatRatio(0.8)).toBe('80%');
    expect(formatRatio(0.8333)).toBe('83.3%');
  });

  it('labels tiers and turns keys into filters', () => {
    expect(tierLabel('1')).toBe('Tier 1');
    expect(tierLabel('none')).toBe('Untiered');
    expect(tierFilter('0')).toEqual([0]);
    expect(tierFilter('none')).toEqual(['none']);
  });

  it('computes share percentages with one decimal', () => {
    const counters = {
      total: 3,
      withSlo: 2,
      withSloAlerting: 0,
      withOncall: 0,
      withRunbook: 0,
      withDashboard: 0,
      withSloDashboardRunbook: 0,
      ready: 0,
      waived: 0,
    };
    expect(sharePercent(counters, 'withSlo')).toBe(66.7);
    expect(sharePercent({ ...counters, total: 0 }, 'withSlo')).toBe(0);
  });

  it('shortens refs in the default namespace only', () => {
    expect(shortRef('group:default/team-a')).toBe('team-a');
    expect(shortRef('group:ops/team-a')).toBe('ops/team-a');
    expect(shortRef('none')).toBe('No owner');
  });
});
