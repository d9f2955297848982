import { Entity } from '@backstage/catalog-model';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { RELIABILITY_ENTITY_RESOURCE_TYPE } from '@reliability-suite/plugin-reliability-common';

/**
 * Query form of the reliability-entity rules: the catalog field and the values it must match.
 * The plugin only ever authorises one entity at a time, so rules are applied to loaded
 * entities; the query form exists for policies and tools that inspect the rules.
 */
export type ReliabilityEntityQuery = { key: string; values: string[] };

/** The `reliability-entity` resource type: resource refs are catalog entity refs. */
export const reliabilityEntityPermissionResourceRef =
  createPermissionResourceRef<Entity, ReliabilityEntityQuery>().with({
    pluginId: 'reliability',
    resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
  });
