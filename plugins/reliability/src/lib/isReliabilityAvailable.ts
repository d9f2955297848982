import type { Entity } from '@backstage/catalog-model';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';

/** Which entities the reliability policy covers (the shape of `ReliabilityPolicy['scope']`). */
export interface ReliabilityScope {
  kinds: string[];
  types: string[];
}

/** The default policy's scope: Components of type service or website. */
export const DEFAULT_RELIABILITY_SCOPE: ReliabilityScope = defaultPolicy.scope;

/**
 * True when the entity is in the reliability policy's scope, so the card and tab are worth
 * showing. Kinds are matched case-insensitively, as the catalog does; pass the scope of a
 * customised policy when the backend's `reliability.policy.scope` differs from the default.
 */
export function isReliabilityAvailable(
  entity: Entity,
  scope: ReliabilityScope = DEFAULT_RELIABILITY_SCOPE,
): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (!scope.kinds.some(k => k.toLocaleLowerCase('en-US') === kind)) {
    return false;
  }
  if (scope.types.length === 0) {
    return true;
  }
  const type = entity.spec?.type;
  return typeof type === 'string' && scope.types.includes(type);
}
