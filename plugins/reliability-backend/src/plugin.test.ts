import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { reliabilityChecksExtensionPoint } from '@reliability-suite/plugin-reliability-node';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';
import { TABLES } from './services/types';
import { createCatalogFixture } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

describe('reliabilityPlugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let fixture: Awaited<ReturnType<typeof createCatalogFixture>>;

  beforeEach(async () => {
    fixture = await createCatalogFixture();
  });

  afterEach(async () => {
    await fixture.cleanup();
  });

  it('evaluates the whole catalog in its scheduled task and records the run', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({ entities: fixture.entities }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });
    try {
      const rows = await knex(TABLES.results).orderBy('entity_ref');
      expect(rows.map(row => [row.entity_ref, Boolean(row.in_scope)])).toEqual([
        ['component:default/checkout', true],
        ['component:default/newsletter', true],
        ['component:default/payments-db', true],
        ['component:default/search', true],
        ['component:default/ui-kit', false],
      ]);
      const run = await knex(TABLES.runs).first();
      expect(run).toMatchObject({ evaluated: 5, written: 5, deleted: 0 });
      expect(run.finished_at).toEqual(expect.any(String));
    } finally {
      await backend.stop();
    }
  });

  it('applies check evaluators that backend modules register', async () => {
    const flagsModule = createBackendModule({
      pluginId: 'reliability',
      moduleId: 'feature-flags',
      register(env) {
        env.registerInit({
          deps: { checks: reliabilityChecksExtensionPoint },
          async init({ checks }) {
            checks.addCheckEvaluator({
              id: 'feature-flags',
              evaluate: entity => ({
                state: entity.metadata.name === 'checkout' ? 'pass' : 'fail',
                message: `Flags checked for ${entity.metadata.name}`,
              }),
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        flagsModule,
        catalogServiceMock.factory({ entities: fixture.entities }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              policy: {
                checks: [
                  {
                    id: 'feature-flags',
                    title: 'Feature flags',
                    area: 'Operations',
                    kind: 'automatic',
                    rationale: 'Risky changes ship dark.',
                    howToFix: 'Register the service with the flag service.',
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    const res = await request(server).get(
      '/api/reliability/v1/entities/component/default/checkout/report',
    );
    expect(res.status).toBe(200);
    expect(
      res.body.readiness.checks.find((c: any) => c.id === 'feature-flags'),
    ).toMatchObject({ state: 'pass', message: 'Flags checked for checkout' });
  });

  it('refuses to start with an invalid policy, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              reliability: {
                policy: {
                  tiers: [
                    {
                      level: 1,
                      name: 'Tier 1',
                      description: 'x',
                      required: ['slo-defind'],
                      blocking: [],
                      enforced: true,
                      expectedLevel: 3,
                    },
                  ],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/reliability\.policy\.tiers\[0\]\.required\[0\]/);
  });
});
