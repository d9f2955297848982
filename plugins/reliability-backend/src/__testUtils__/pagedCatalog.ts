import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** `component:default/service-<i>`, owned by nobody, for the runs the fault tests stop. */
export function pagedComponent(index: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `service-${index}`, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production' },
  };
}

/**
 * A catalog of `size` components that pages by offset like the real one's cursors, with an
 * optional pause before each page: a full run over it takes long enough to be stopped in
 * the middle. No jest here: a child process uses it too.
 */
export function pagedCatalog(
  size: number,
  options?: { pauseMs?: number },
): Pick<
  CatalogService,
  'queryEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
> {
  const entities = Array.from({ length: size }, (_, i) => pagedComponent(i));
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return {
    async queryEntities(request) {
      await new Promise(resolve => setTimeout(resolve, options?.pauseMs ?? 0));
      const offset =
        request && 'cursor' in request && request.cursor
          ? Number(request.cursor)
          : 0;
      const limit = request?.limit ?? size;
      const items = entities.slice(offset, offset + limit);
      const next = offset + limit;
      return {
        items,
        totalItems: size,
        pageInfo: next < size ? { nextCursor: String(next) } : {},
      };
    },
    async getEntitiesByRefs(request) {
      return {
        items: request.entityRefs.map(ref => byRef.get(ref)),
      };
    },
    async getEntityByRef(ref) {
      return byRef.get(String(ref));
    },
  };
}
