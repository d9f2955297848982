import { normalizeEntityRef } from './entityRefParam';

describe('normalizeEntityRef', () => {
  it('fills in the default kind and namespace and lower-cases', () => {
    expect(normalizeEntityRef('team-a', 'group')).toBe('group:default/team-a');
    expect(normalizeEntityRef('Ops/Team-A', 'group')).toBe('group:ops/team-a');
    expect(normalizeEntityRef('User:default/Jane', 'group')).toBe(
      'user:default/jane',
    );
    expect(normalizeEntityRef(' system:payments ', 'system')).toBe(
      'system:default/payments',
    );
  });

  it.each([
    '',
    'a:b:c',
    'group:default/',
    'group:/x',
    'gr oup:x',
    'x/y/z',
    'n@me',
  ])('rejects %p', value => {
    expect(normalizeEntityRef(value, 'group')).toBeNull();
  });
});
