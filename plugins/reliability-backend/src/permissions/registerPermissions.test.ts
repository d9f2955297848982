import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  reliabilityAttestPermission,
  reliabilityCoverageReadPermission,
} from '@reliability-suite/plugin-reliability-common';
import { registerReliabilityPermissions } from './registerPermissions';

describe('registerReliabilityPermissions', () => {
  const checkout = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec: { owner: 'checkout-team' },
  };

  it('registers the resource type with its rule, permissions and a catalog-backed loader', async () => {
    const permissionsRegistry = mockServices.permissionsRegistry.mock();
    registerReliabilityPermissions({
      permissionsRegistry,
      catalog: catalogServiceMock({ entities: [checkout] }),
      auth: mockServices.auth(),
    });

    expect(permissionsRegistry.addResourceType).toHaveBeenCalledTimes(1);
    const options = permissionsRegistry.addResourceType.mock.calls[0][0];
    expect(options.resourceRef.resourceType).toBe('reliability-entity');
    expect(options.rules.map(rule => rule.name)).toEqual(['IS_ENTITY_OWNER']);
    expect(options.permissions).toContain(reliabilityAttestPermission);
    expect(options.permissions).not.toContain(
      reliabilityCoverageReadPermission,
    );
    expect(permissionsRegistry.addPermissions).toHaveBeenCalledWith([
      reliabilityCoverageReadPermission,
    ]);

    await expect(
      options.getResources!([
        'component:default/checkout-api',
        'component:default/missing',
      ]),
    ).resolves.toEqual([checkout, undefined]);
  });
});
