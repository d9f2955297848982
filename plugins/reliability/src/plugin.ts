import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { reliabilityApiRef, ReliabilityClient } from './api';
import { entityReliabilityContentRouteRef, rootRouteRef } from './routes';

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
    root: rootRouteRef,
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

/** The /reliability page: coverage by tier and team, targets, trends and the entity list. */
export const ReliabilityPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityPage',
    component: () =>
      import('./components/ReliabilityPage').then(m => m.ReliabilityPage),
    mountPoint: rootRouteRef,
  }),
);

/** A group's reliability roll-up including its sub-teams; use on Group entity pages. */
export const EntityTeamReliabilityCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamReliabilityCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamReliabilityCard').then(
          m => m.EntityTeamReliabilityCard,
        ),
    },
  }),
);
