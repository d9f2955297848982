import { reliabilityPlugin } from './plugin';
import { mockApis } from '@backstage/test-utils';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { entityReliabilityContentRouteRef } from './routes';

describe('reliabilityPlugin (legacy frontend system)', () => {
  it('has the plugin id and provides the reliability API', () => {
    expect(reliabilityPlugin.getId()).toBe('reliability');
    const apiIds = [...reliabilityPlugin.getApis()].map(
      factory => factory.api.id,
    );
    expect(apiIds).toEqual([reliabilityApiRef.id]);
    const [factory] = [...reliabilityPlugin.getApis()];
    expect(
      factory.factory({
        discoveryApi: mockApis.discovery(),
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(ReliabilityClient);
  });

  it('exposes the route the Reliability tab mounts on', () => {
    expect(reliabilityPlugin.routes.entityContent).toBe(
      entityReliabilityContentRouteRef,
    );
  });
});
