import { buildGroupAncestry, sameAncestry } from './groupAncestry';

const byGroup = (rows: ReturnType<typeof buildGroupAncestry>) => {
  const result: Record<string, string[]> = {};
  for (const row of rows) {
    (result[row.groupRef] ??= [])[row.depth] = row.ancestorRef;
  }
  return result;
};

describe('buildGroupAncestry', () => {
  it('lists every ancestor with its depth, the group itself at 0, four levels deep', () => {
    const rows = buildGroupAncestry([
      { ref: 'group:default/org' },
      { ref: 'group:default/division', parent: 'group:default/org' },
      { ref: 'group:default/department', parent: 'group:default/division' },
      { ref: 'group:default/team', parent: 'group:default/department' },
    ]);
    expect(byGroup(rows)).toEqual({
      'group:default/org': ['group:default/org'],
      'group:default/division': ['group:default/division', 'group:default/org'],
      'group:default/department': [
        'group:default/department',
        'group:default/division',
        'group:default/org',
      ],
      'group:default/team': [
        'group:default/team',
        'group:default/department',
        'group:default/division',
        'group:default/org',
      ],
    });
    expect(rows).toHaveLength(10);
  });

  it('takes the parent from spec.children when spec.parent is not set', () => {
    const rows = buildGroupAncestry([
      { ref: 'group:default/org', children: ['group:default/team'] },
      { ref: 'group:default/team' },
    ]);
    expect(byGroup(rows)['group:default/team']).toEqual([
      'group:default/team',
      'group:default/org',
    ]);
  });

  it('prefers spec.parent over another group listing it as a child', () => {
    const rows = buildGroupAncestry([
      { ref: 'group:default/a', children: ['group:default/team'] },
      { ref: 'group:default/b' },
      { ref: 'group:default/team', parent: 'group:default/b' },
    ]);
    expect(byGroup(rows)['group:default/team']).toEqual([
      'group:default/team',
      'group:default/b',
    ]);
  });

  it('keeps a parent missing from the catalog as an ancestor', () => {
    const rows = buildGroupAncestry([
      { ref: 'group:default/team', parent: 'group:default/ghost' },
    ]);
    expect(byGroup(rows)).toEqual({
      'group:default/ghost': ['group:default/ghost'],
      'group:default/team': ['group:default/team', 'group:default/ghost'],
    });
  });

  it('stops at a cycle instead of looping', () => {
    const rows = buildGroupAncestry([
      { ref: 'group:default/a', parent: 'group:default/b' },
      { ref: 'group:default/b', parent: 'group:default/a' },
      { ref: 'group:default/self', parent: 'group:default/self' },
    ]);
    expect(byGroup(rows)).toEqual({
      'group:default/a': ['group:default/a', 'group:default/b'],
      'group:default/b': ['group:default/b', 'group:default/a'],
      'group:default/self': ['group:default/self'],
    });
  });
});

describe('sameAncestry', () => {
  const tree = buildGroupAncestry([
    { ref: 'group:default/org' },
    { ref: 'group:default/team', parent: 'group:default/org' },
  ]);

  it('ignores order', () => {
    expect(sameAncestry(tree, [...tree].reverse())).toBe(true);
  });

  it('notices a moved group', () => {
    const moved = buildGroupAncestry([
      { ref: 'group:default/org' },
      { ref: 'group:default/team' },
      { ref: 'group:default/x', parent: 'group:default/org' },
    ]);
    expect(sameAncestry(tree, moved)).toBe(false);
    expect(
      sameAncestry(
        tree,
        tree.map(row => (row.depth === 1 ? { ...row, depth: 2 } : row)),
      ),
    ).toBe(false);
  });
});
