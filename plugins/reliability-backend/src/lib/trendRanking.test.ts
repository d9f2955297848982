import { rankMovements, teamMovements } from './trendRanking';

describe('teamMovements', () => {
  it('compares shares of the same team on two days', () => {
    const movements = teamMovements(
      [
        { owner: 'group:default/a', total: 10, count: 2 },
        { owner: 'group:default/b', total: 4, count: 4 },
      ],
      [
        { owner: 'group:default/a', total: 20, count: 10 },
        { owner: 'group:default/b', total: 4, count: 2 },
      ],
    );
    expect(movements).toEqual([
      {
        owner: 'group:default/a',
        from: 0.2,
        to: 0.5,
        delta: expect.closeTo(0.3, 10),
        totalFrom: 10,
        totalTo: 20,
      },
      {
        owner: 'group:default/b',
        from: 1,
        to: 0.5,
        delta: -0.5,
        totalFrom: 4,
        totalTo: 4,
      },
    ]);
  });

  it('leaves out teams missing on a day or with nothing to count', () => {
    expect(
      teamMovements(
        [
          { owner: 'group:default/gone', total: 3, count: 1 },
          { owner: 'group:default/empty-then', total: 0, count: 0 },
          { owner: 'group:default/empty-now', total: 2, count: 1 },
        ],
        [
          { owner: 'group:default/new', total: 3, count: 3 },
          { owner: 'group:default/empty-then', total: 2, count: 2 },
          { owner: 'group:default/empty-now', total: 0, count: 0 },
        ],
      ),
    ).toEqual([]);
  });
});

describe('rankMovements', () => {
  const movement = (owner: string, delta: number, totalTo = 10) => ({
    owner,
    from: 0.5,
    to: 0.5 + delta,
    delta,
    totalFrom: 10,
    totalTo,
  });

  it('ranks improvements and regressions by size, up to the limit', () => {
    const ranked = rankMovements(
      [
        movement('group:default/small-up', 0.05),
        movement('group:default/big-up', 0.4),
        movement('group:default/mid-up', 0.2),
        movement('group:default/big-down', -0.3),
        movement('group:default/small-down', -0.1),
        movement('group:default/flat', 0),
      ],
      2,
    );
    expect(ranked.mostImproved.map(m => m.owner)).toEqual([
      'group:default/big-up',
      'group:default/mid-up',
    ]);
    expect(ranked.mostRegressed.map(m => m.owner)).toEqual([
      'group:default/big-down',
      'group:default/small-down',
    ]);
  });

  it('ignores float noise and breaks ties by team size, then ref', () => {
    const ranked = rankMovements(
      [
        movement('group:default/noise', 1e-12),
        movement('group:default/b', 0.1, 5),
        movement('group:default/a', 0.1, 5),
        movement('group:default/big', 0.1, 50),
      ],
      10,
    );
    expect(ranked.mostImproved.map(m => m.owner)).toEqual([
      'group:default/big',
      'group:default/a',
      'group:default/b',
    ]);
    expect(ranked.mostRegressed).toEqual([]);
  });
});
