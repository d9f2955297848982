import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  processingResult,
} from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import catalogModuleReliability from './index';

jest.setTimeout(60_000);

/**
 * Runs the real catalog backend with this module, to prove the point the processor is built
 * on: problems attached as status items leave the entity in the catalog, whereas a processor
 * that emits an error result keeps a new entity out of it.
 */
describe('catalogModuleReliability in the catalog', () => {
  const mockDir = createMockDirectory();
  const processingErrors: string[] = [];

  const rejectingModule = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-rejecting',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(event => {
            processingErrors.push(event.unprocessedEntity.metadata.name);
          });
          catalog.addProcessor({
            getProcessorName: () => 'TestRejectingProcessor',
            async postProcessEntity(entity, location, emit) {
              if (entity.metadata.annotations?.['test/emit-error'] === 'true') {
                emit(
                  processingResult.inputError(
                    location,
                    'rejected for the test',
                  ),
                );
              }
              return entity;
            },
          });
        },
      });
    },
  });

  it('stores an entity with invalid annotations and shows the problems as processing errors', async () => {
    mockDir.setContent({
      'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    reliability/tier: gold
    reliability/slo-ref: ./slos/checkout.yaml
spec:
  type: service
  owner: team-a
  lifecycle: production
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: emits-an-error
  annotations:
    test/emit-error: "true"
spec:
  type: service
  owner: team-a
  lifecycle: production
`,
      'slos/checkout.yaml': `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  indicatorRef: missing-sli
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`,
    });
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleReliability,
        rejectingModule,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              locations: [
                { type: 'file', target: mockDir.resolve('catalog-info.yaml') },
              ],
            },
          },
        }),
      ],
    });

    const entity = await waitFor(async () => {
      const response = await request(server).get(
        '/api/catalog/entities/by-name/component/default/checkout',
      );
      return response.status === 200 ? (response.body as Entity) : undefined;
    });

    expect(entity.metadata.annotations?.['reliability/tier']).toBe('gold');
    const items = (
      entity as { status?: { items?: Array<Record<string, any>> } }
    ).status?.items;
    expect(items).toEqual([
      expect.objectContaining({
        type: 'backstage.io/catalog-processing',
        level: 'error',
        error: expect.objectContaining({
          name: 'ReliabilityAnnotationError',
          message: expect.stringContaining('reliability/tier is "gold"'),
        }),
      }),
      expect.objectContaining({
        level: 'error',
        error: expect.objectContaining({
          message: expect.stringContaining(
            'spec.indicatorRef: "missing-sli" is not an SLI in the SLO files read',
          ),
        }),
      }),
    ]);

    // The sibling from the same file was processed too, but its emitted error kept it out.
    await waitFor(async () =>
      processingErrors.includes('emits-an-error') ? true : undefined,
    );
    const rejected = await request(server).get(
      '/api/catalog/entities/by-name/component/default/emits-an-error',
    );
    expect(rejected.status).toBe(404);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('Timed out waiting for the catalog');
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
