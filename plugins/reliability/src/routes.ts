import { createRouteRef } from '@backstage/core-plugin-api';

/** Where an app mounts the entity's Reliability tab (legacy system). */
export const entityReliabilityContentRouteRef = createRouteRef({
  id: 'reliability:entity-content',
});

/** The /reliability page, the leads' coverage view. */
export const rootRouteRef = createRouteRef({
  id: 'reliability',
});
