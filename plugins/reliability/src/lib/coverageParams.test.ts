import {
  aggregateFilter,
  coverageLink,
  coverageViewParams,
  parseCoverageView,
} from './coverageParams';

describe('coverage URL parameters', () => {
  it('reads lists (repeated or comma-separated), single values, sort and order', () => {
    const view = parseCoverageView(
      new URLSearchParams(
        'tier=0,none&tier=1&owner=group:default/team-a&verdict=ready,bogus&maturity=2,x&stage=withSlo&missing=nope&failingCheck=runbook&lifecycle=production&kind=component&search=pay&sort=score&order=desc',
      ),
    );
    expect(view).toEqual({
      filter: {
        tier: [0, 'none', 1],
        owner: 'group:default/team-a',
        verdict: ['ready'],
        maturity: [2],
        stage: 'withSlo',
        failingCheck: 'runbook',
        lifecycle: ['production'],
        kind: ['component'],
        search: 'pay',
      },
      sort: 'score',
      order: 'desc',
    });
  });

  it('defaults to sorting by name, ascending, with no filter', () => {
    expect(
      parseCoverageView(new URLSearchParams('sort=owner&order=up')),
    ).toEqual({ filter: {}, sort: 'name', order: 'asc' });
  });

  it('writes what it reads', () => {
    const params = coverageViewParams(
      { tier: [1, 'none'], owner: 'group:default/a', missing: 'withSlo' },
      { sort: 'tier', order: 'desc' },
    );
    expect(params.toString()).toBe(
      'tier=1%2Cnone&owner=group%3Adefault%2Fa&missing=withSlo&sort=tier&order=desc',
    );
    expect(parseCoverageView(params)).toEqual({
      filter: {
        tier: [1, 'none'],
        owner: 'group:default/a',
        missing: 'withSlo',
      },
      sort: 'tier',
      order: 'desc',
    });
    expect(
      coverageViewParams({}, { sort: 'name', order: 'asc' }).toString(),
    ).toBe('');
  });

  it('keeps only the aggregate filters for the charts', () => {
    expect(
      aggregateFilter({
        tier: [1],
        owner: 'group:default/a',
        verdict: ['ready'],
        stage: 'withSlo',
        search: 'x',
      }),
    ).toEqual({ tier: [1], owner: 'group:default/a' });
  });

  it('links a number to its entities, keeping the aggregate filters', () => {
    expect(
      coverageLink(
        '/reliability',
        { owner: 'group:default/a', verdict: ['ready'], lifecycle: ['*'] },
        { tier: [1], stage: 'withSlo' },
      ),
    ).toBe(
      '/reliability?lifecycle=*&tier=1&owner=group%3Adefault%2Fa&stage=withSlo',
    );
    expect(coverageLink('/reliability', {}, {})).toBe('/reliability');
    expect(
      coverageLink(
        '/reliability',
        { owner: 'group:default/a' },
        { owner: undefined },
      ),
    ).toBe('/reliability');
  });
});
