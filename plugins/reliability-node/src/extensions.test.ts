import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  ReliabilityCheckEvaluator,
  reliabilityChecksExtensionPoint,
} from './extensions';

describe('reliabilityChecksExtensionPoint', () => {
  it('hands the evaluators a module registers to the reliability plugin', async () => {
    const registered: ReliabilityCheckEvaluator[] = [];
    const plugin = createBackendPlugin({
      pluginId: 'reliability',
      register(env) {
        env.registerExtensionPoint(reliabilityChecksExtensionPoint, {
          addCheckEvaluator: evaluator => registered.push(evaluator),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    const module = createBackendModule({
      pluginId: 'reliability',
      moduleId: 'feature-flags',
      register(env) {
        env.registerInit({
          deps: { checks: reliabilityChecksExtensionPoint },
          async init({ checks }) {
            checks.addCheckEvaluator({
              id: 'feature-flags',
              evaluate: entity => ({
                state: entity.metadata.annotations?.[
                  'flags.example.com/project'
                ]
                  ? 'pass'
                  : 'fail',
                message: 'checked the flags annotation',
              }),
            });
          },
        });
      },
    });

    const backend = await startTestBackend({ features: [plugin, module] });
    try {
      expect(registered.map(evaluator => evaluator.id)).toEqual([
        'feature-flags',
      ]);
      const outcome = await registered[0].evaluate(
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'checkout',
            annotations: { 'flags.example.com/project': 'checkout' },
          },
        },
        {
          profile: {} as any,
          slos: { status: 'absent', slos: [], problems: [] },
          now: new Date(),
        },
      );
      expect(outcome).toEqual({
        state: 'pass',
        message: 'checked the flags annotation',
      });
    } finally {
      await backend.stop();
    }
  });
});
