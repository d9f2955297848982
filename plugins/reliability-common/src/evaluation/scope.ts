import type { Entity } from '@backstage/catalog-model';
import type { ReliabilityPolicy } from '../policy/types';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * Whether the policy applies to an entity: its kind is one of `scope.kinds` and its `spec.type`
 * one of `scope.types` (both case-insensitive, as the catalog treats kinds). An empty `types`
 * list admits every type of the listed kinds.
 */
export function isInScope(entity: Entity, policy: ReliabilityPolicy): boolean {
  const { kinds, types } = policy.scope;
  if (!kinds.some(kind => lower(kind) === lower(entity.kind))) {
    return false;
  }
  if (types.length === 0) {
    return true;
  }
  const type = entity.spec?.type;
  return (
    typeof type === 'string' &&
    types.some(allowed => lower(allowed) === lower(type))
  );
}
