import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateAction } from './actions/annotateAction';
import { createGateDryRunAction } from './actions/gateDryRunAction';
import { createSloAction } from './actions/createSloAction';

/**
 * Adds the Reliability Suite's template actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleReliability = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'reliability',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createSloAction(),
          createAnnotateAction(),
          createGateDryRunAction(),
        );
      },
    });
  },
});
