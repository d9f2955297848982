import { groupKeyFilter, groupKeyLabel } from './coverageGroups';

describe('groupKeyLabel', () => {
  it('names tiers, owners and systems in words, including the rows without one', () => {
    expect(groupKeyLabel('tier', '1')).toBe('Tier 1');
    expect(groupKeyLabel('tier', 'none')).toBe('Untiered');
    expect(groupKeyLabel('owner', 'group:default/payments')).toBe('payments');
    expect(groupKeyLabel('owner', 'none')).toBe('No owner');
    expect(groupKeyLabel('system', 'system:default/checkout')).toBe('checkout');
    expect(groupKeyLabel('system', 'none')).toBe('No system');
  });
});

describe('groupKeyFilter', () => {
  it('selects the entities of a row by the grouping it came from', () => {
    expect(groupKeyFilter('tier', '0')).toEqual({ tier: [0] });
    expect(groupKeyFilter('tier', 'none')).toEqual({ tier: ['none'] });
    expect(groupKeyFilter('owner', 'group:default/a')).toEqual({
      owner: 'group:default/a',
    });
    expect(groupKeyFilter('system', 'none')).toEqual({ system: 'none' });
  });
});
