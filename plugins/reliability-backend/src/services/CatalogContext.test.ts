import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { CatalogContext, RunCatalogLookups } from './CatalogContext';

const policy = { tiers: [0, 1, 2, 3].map(level => ({ level })) } as any;

function component(
  name: string,
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  };
}

const catalogEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: {},
  },
  component('db', { owner: 'team-a' }, { 'reliability/tier': '0' }),
  component('cache', { owner: 'team-a' }, { 'reliability/tier': '3' }),
  component('legacy', { owner: 'team-a' }, { 'reliability/tier': 'gold' }),
];

describe('CatalogContext', () => {
  it('resolves owners and dependency tiers for a batch in one catalog call', async () => {
    const catalog = catalogServiceMock({ entities: catalogEntities });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const context = new CatalogContext(catalog, policy);
    const checkout = component('checkout', {
      owner: 'team-a',
      dependsOn: [
        'component:db',
        'component:default/cache',
        'component:legacy',
        'component:missing',
        'db',
      ],
    });
    const profile = component('profile', { owner: 'user:jane' });
    const orphan = component('orphan', {});
    const lost = component('lost', { owner: 'group:ghosts' });

    const result = await context.resolve(
      [checkout, profile, orphan, lost],
      mockCredentials.service(),
    );

    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(result.get(checkout)).toEqual({
      owner: { ref: 'group:default/team-a', kind: 'Group' },
      dependencies: [
        { ref: 'component:default/db', tier: 0, found: true },
        { ref: 'component:default/cache', tier: 3, found: true },
        { ref: 'component:default/legacy', tier: null, found: true },
        { ref: 'component:default/missing', tier: null, found: false },
        { ref: 'db', tier: null, found: false },
      ],
    });
    expect(result.get(profile)?.owner).toEqual({
      ref: 'user:default/jane',
      kind: 'User',
    });
    expect(result.get(orphan)).toEqual({ owner: null, dependencies: [] });
    expect(result.get(lost)?.owner).toEqual({
      ref: 'group:default/ghosts',
      kind: null,
    });
  });

  it('does not call the catalog when nothing needs resolving', async () => {
    const catalog = catalogServiceMock({ entities: [] });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const context = new CatalogContext(catalog, policy);
    const result = await context.resolve(
      [component('orphan', {})],
      mockCredentials.service(),
    );
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
    expect([...result.values()]).toEqual([{ owner: null, dependencies: [] }]);
  });

  it("asks the catalog only for refs a run's lookups have not seen, remembering missing ones", async () => {
    const catalog = catalogServiceMock({ entities: catalogEntities });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const context = new CatalogContext(catalog, policy);
    const lookups = new RunCatalogLookups();
    const first = component('first', {
      owner: 'team-a',
      dependsOn: ['component:db', 'component:missing'],
    });
    const second = component('second', {
      owner: 'team-a',
      dependsOn: ['component:missing', 'component:cache'],
    });

    await context.resolve([first], mockCredentials.service(), lookups);
    const result = await context.resolve(
      [second],
      mockCredentials.service(),
      lookups,
    );

    expect(
      getEntitiesByRefs.mock.calls.map(call => call[0].entityRefs),
    ).toEqual([
      [
        'group:default/team-a',
        'component:default/db',
        'component:default/missing',
      ],
      ['component:default/cache'],
    ]);
    expect(result.get(second)).toEqual({
      owner: { ref: 'group:default/team-a', kind: 'Group' },
      dependencies: [
        { ref: 'component:default/missing', tier: null, found: false },
        { ref: 'component:default/cache', tier: 3, found: true },
      ],
    });

    // Without a run's lookups (a refresh), everything is asked again.
    await context.resolve([second], mockCredentials.service());
    expect(getEntitiesByRefs.mock.calls[2][0].entityRefs).toEqual([
      'group:default/team-a',
      'component:default/missing',
      'component:default/cache',
    ]);
  });

  it('forgets what it looked up once it holds its limit, and starts over', () => {
    const lookups = new RunCatalogLookups(2);
    lookups.remember('component:default/a', null);
    lookups.remember('component:default/b', catalogEntities[2]);
    expect(lookups.get('component:default/b')).toBe(catalogEntities[2]);
    lookups.remember('component:default/c', null);
    expect(lookups.get('component:default/a')).toBeUndefined();
    expect(lookups.get('component:default/b')).toBeUndefined();
    expect(lookups.get('component:default/c')).toBeNull();
  });
});
