import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { reliabilityApiRef, ReliabilityClient } from './api';
import { isReliabilityAvailable } from './lib/isReliabilityAvailable';

// The default policy scope; `filter` in app-config overrides it for a customised policy.
const inReliabilityScope = (
  entity: Parameters<typeof isReliabilityAvailable>[0],
) => isReliabilityAvailable(entity);

/** @alpha */
export const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const reliabilityEntityCard = EntityCardBlueprint.make({
  name: 'reliability',
  params: {
    type: 'content',
    filter: inReliabilityScope,
    loader: () =>
      import('./components/EntityReliabilityCard').then(m => (
        <m.EntityReliabilityCard />
      )),
  },
});

/** @alpha */
export const reliabilityEntityContent = EntityContentBlueprint.make({
  name: 'reliability',
  params: {
    path: '/reliability',
    title: 'Reliability',
    filter: inReliabilityScope,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

/**
 * The Reliability Suite frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  info: { packageJson: () => import('../package.json') },
  extensions: [reliabilityApi, reliabilityEntityCard, reliabilityEntityContent],
});
