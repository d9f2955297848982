import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { reliabilityEntityPermissionResourceRef } from './resource';

function normalise(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/** The entity's owners: `spec.owner` resolved as the catalog does, plus its ownedBy relations. */
export function ownerRefsOf(entity: Entity): string[] {
  const owners = new Set<string>();
  const owner = entity.spec?.owner;
  if (typeof owner === 'string' && owner.trim()) {
    try {
      owners.add(
        normalise(
          stringifyEntityRef(
            parseEntityRef(owner.trim(), {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ),
      );
    } catch {
      // A malformed owner owns nothing; the owner check reports it.
    }
  }
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_OWNED_BY) {
      owners.add(normalise(relation.targetRef));
    }
  }
  return [...owners];
}

/**
 * `IS_ENTITY_OWNER`: the entity is owned by one of the claims. A permission policy passes the
 * user's ownership refs (`user.info.ownershipEntityRefs`: the user and their groups) as claims.
 */
export const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description: 'is owner of the entity',
  resourceRef: reliabilityEntityPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Entity refs (a user and their groups); at least one must own the entity',
      ),
  }),
  apply: (entity, { claims }) => {
    const wanted = new Set(claims.map(normalise));
    return ownerRefsOf(entity).some(owner => wanted.has(owner));
  },
  toQuery: ({ claims }) => ({
    key: `relations.${RELATION_OWNED_BY}`,
    values: claims,
  }),
});

export const reliabilityEntityRules = { isEntityOwner };
