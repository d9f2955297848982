import { entityLabel, reliabilityTabPath } from './links';

describe('reliabilityTabPath', () => {
  it('points at the entity tab, lower-casing the kind', () => {
    expect(reliabilityTabPath('Component:prod/Checkout')).toBe(
      '/catalog/prod/component/Checkout/reliability',
    );
  });

  it('anchors the check row and encodes odd characters', () => {
    expect(reliabilityTabPath('component:default/a b', 'x/y')).toBe(
      '/catalog/default/component/a%20b/reliability#check-x%2Fy',
    );
  });
});

describe('entityLabel', () => {
  it('prefers the title, else the name', () => {
    expect(entityLabel('component:default/a', 'Alpha')).toBe('Alpha');
    expect(entityLabel('component:default/a', null)).toBe('a');
    expect(entityLabel('component:default/a', '')).toBe('a');
  });
});
