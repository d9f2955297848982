import { mockServices } from '@backstage/backend-test-utils';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { SloStatusRun } from './SloStatusRun';

const component = (name: string, type = 'service'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'reliability/slo-ref': './slos.yaml' },
  },
  spec: { type },
});

describe('SloStatusRun', () => {
  it('pages through entities with an SLO file, measures the in-scope ones and drops old history', async () => {
    const pages = [
      { items: [component('a'), component('lib', 'library')], next: 'c1' },
      { items: [component('b')], next: undefined },
    ];
    const requests: any[] = [];
    const catalog = {
      queryEntities: jest.fn(async (request: any) => {
        requests.push(request);
        const page = pages[requests.length - 1];
        return {
          items: page.items,
          totalItems: 3,
          pageInfo: { nextCursor: page.next },
        };
      }),
    };
    const measured: string[][] = [];
    const statuses = {
      measure: jest.fn(async (targets: any[]) => {
        measured.push(targets.map(t => t.entity.metadata.name));
        return targets.map(t => ({
          entityRef: t.entity.metadata.name,
          sloName: 'x',
          status: {} as any,
          appendHistory: false,
        }));
      }),
      deleteHistoryBefore: jest.fn(async () => 0),
    };
    const told: string[][] = [];
    const listener = {
      measured: jest.fn(async (entities: Entity[], writes: any[]) => {
        told.push([
          ...entities.map(e => e.metadata.name),
          ...writes.map(w => w.entityRef),
        ]);
      }),
    };
    const run = new SloStatusRun({
      catalog,
      auth: mockServices.auth(),
      policy: defaultPolicy,
      sloSource: {
        load: async () => ({ status: 'loaded', slos: [], problems: [] }),
      },
      statuses,
      logger: mockServices.logger.mock(),
      retentionDays: 10,
      now: () => new Date('2026-12-07T10:00:00Z'),
      listener,
    });

    expect(await run.run()).toEqual({ entities: 2, slos: 2 });
    expect(requests[0].filter).toEqual({
      kind: ['Component'],
      'metadata.annotations.reliability/slo-ref': CATALOG_FILTER_EXISTS,
    });
    expect(requests[1]).toMatchObject({ cursor: 'c1' });
    // The library is out of the default policy's scope.
    expect(measured).toEqual([['a'], ['b']]);
    // The notification watcher hears each page's entities and the statuses written.
    expect(told).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
    expect(statuses.deleteHistoryBefore).toHaveBeenCalledWith(
      new Date('2026-11-27T10:00:00Z'),
    );
  });
});
