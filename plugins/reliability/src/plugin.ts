import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { reliabilityApiRef, ReliabilityClient } from './api';
import { entityReliabilityContentRouteRef } from './routes';

/** The Reliability Suite frontend plugin for apps on the legacy frontend system. */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: entityReliabilityContentRouteRef,
  },
});

/** Overview card of an entity's reliability; use inside an `EntityProvider`. */
export const EntityReliabilityCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityCard',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityCard').then(
          m => m.EntityReliabilityCard,
        ),
    },
  }),
);

/** The entity's "Reliability" tab; mount it as an `EntityLayout.Route`. */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'EntityReliabilityContent',
    component: () =>
      import('./components/EntityReliabilityContent').then(
        m => m.EntityReliabilityContent,
      ),
    mountPoint: entityReliabilityContentRouteRef,
  }),
);
