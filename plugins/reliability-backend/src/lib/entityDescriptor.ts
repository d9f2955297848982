import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The catalog facts stored beside each result, so lists filter and sort in SQL. */
export interface EntityDescriptor {
  /** Lower-case `kind:namespace/name`. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  /** Lower-case full ref of `spec.owner`, e.g. `group:default/team-a`. */
  ownerRef: string | null;
  /** Lower-case full ref of `spec.system`. */
  systemRef: string | null;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Resolves a relation target as the catalog does: the kind defaults to `defaultKind` (when
 * given), the namespace to the entity's own. Returns null for a missing or malformed reference.
 */
export function toFullRef(
  value: unknown,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | null {
  if (typeof value !== 'string' || value.trim().length === 0) {
    return null;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), { defaultKind, defaultNamespace }),
    );
  } catch {
    return null;
  }
}

export function describeEntity(entity: Entity): EntityDescriptor {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: optionalString(entity.metadata.title),
    type: optionalString(spec.type),
    lifecycle: optionalString(spec.lifecycle),
    ownerRef: toFullRef(spec.owner, 'group', namespace),
    systemRef: toFullRef(spec.system, 'system', namespace),
  };
}
