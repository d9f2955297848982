import {
  AuthService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { reliabilityPermissions } from '@reliability-suite/plugin-reliability-common';
import { reliabilityEntityPermissionResourceRef } from './resource';
import { isEntityOwner } from './rules';

/**
 * Registers the suite's permissions and the `reliability-entity` resource type, whose
 * resources (catalog entities) the permission backend loads through `getResources` when a
 * policy answers with a condition such as `IS_ENTITY_OWNER`.
 */
export function registerReliabilityPermissions(options: {
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
}): void {
  const { permissionsRegistry, catalog, auth } = options;
  const resourcePermissions = reliabilityPermissions.filter(
    permission =>
      'resourceType' in permission &&
      permission.resourceType ===
        reliabilityEntityPermissionResourceRef.resourceType,
  );
  permissionsRegistry.addResourceType({
    resourceRef: reliabilityEntityPermissionResourceRef,
    permissions: resourcePermissions,
    rules: [isEntityOwner],
    getResources: async (resourceRefs: string[]) => {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: resourceRefs },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return items.map(entity => entity ?? undefined);
    },
  });
  permissionsRegistry.addPermissions(
    reliabilityPermissions.filter(p => !resourcePermissions.includes(p)),
  );
}
