import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';
import { TABLES } from './services/types';
import { createCatalogFixture } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

describe('reliabilityPlugin coverage', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('snapshots coverage after the evaluation and serves the owner roll-up and targets', async () => {
    const fixture = await createCatalogFixture();
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({
          entities: [
            ...fixture.entities,
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'org', namespace: 'default' },
              spec: { type: 'organization', children: ['team-a'] },
            },
          ],
        }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              coverage: {
                targets: [
                  { tier: 1, measure: 'withSlo', target: 1, by: '2099-01-01' },
                ],
              },
            },
          },
        }),
      ],
    });
    try {
      const ancestry = await knex(TABLES.groupAncestry)
        .where('group_ref', 'group:default/team-a')
        .orderBy('depth');
      expect(ancestry.map(row => row.ancestor_ref)).toEqual([
        'group:default/team-a',
        'group:default/org',
      ]);
      const today = new Date().toISOString().slice(0, 10);
      const snapshot = await knex(TABLES.dailyCoverage).where('day', today);
      expect(snapshot.reduce((sum, row) => sum + Number(row.total), 0)).toBe(4);

      const coverage = await request(backend.server).get(
        '/api/reliability/v1/coverage?groupBy=owner',
      );
      expect(coverage.status).toBe(200);
      expect(
        coverage.body.rows.map((row: any) => [row.key, row.total, row.withSlo]),
      ).toEqual([
        ['group:default/org', 4, 1],
        ['group:default/team-a', 4, 1],
      ]);

      const targets = await request(backend.server).get(
        '/api/reliability/v1/coverage/targets',
      );
      expect(targets.body.targets).toEqual([
        expect.objectContaining({ tier: 1, status: 'met', current: 1 }),
      ]);
    } finally {
      await backend.stop();
      await fixture.cleanup();
    }
  });
});
