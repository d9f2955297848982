import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type {
  GetEntitiesByRefsRequest,
  QueryEntitiesRequest,
} from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';

type Cursor = { offset: number; kinds: string[] | null };

function kindsOf(filter: unknown): string[] | null {
  const kind = (filter as { kind?: string | string[] } | undefined)?.kind;
  if (kind === undefined) return null;
  return [kind].flat().map(k => k.toLocaleLowerCase('en-US'));
}

/**
 * A catalog in memory with the same paging shape as the real one: `queryEntities` pages
 * with opaque cursors and filters by kind, `getEntitiesByRefs` answers in request order
 * with undefined for unknown refs. The catalog's own cost is not what is measured.
 */
export class InMemoryCatalog
  implements
    Pick<
      CatalogService,
      'queryEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
    >
{
  readonly #entities: Entity[];
  readonly #byRef: Map<string, Entity>;
  readonly #byKind = new Map<string, Entity[]>();

  constructor(entities: Entity[]) {
    this.#entities = entities;
    this.#byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  }

  #matching(kinds: string[] | null): Entity[] {
    if (!kinds) return this.#entities;
    const key = kinds.join(',');
    let list = this.#byKind.get(key);
    if (!list) {
      list = this.#entities.filter(e =>
        kinds.includes(e.kind.toLocaleLowerCase('en-US')),
      );
      this.#byKind.set(key, list);
    }
    return list;
  }

  async queryEntities(request?: QueryEntitiesRequest) {
    let cursor: Cursor;
    if (request && 'cursor' in request) {
      cursor = JSON.parse(Buffer.from(request.cursor, 'base64').toString());
    } else {
      cursor = {
        offset: request?.offset ?? 0,
        kinds: kindsOf(request?.filter),
      };
    }
    const limit = request?.limit ?? 500;
    const all = this.#matching(cursor.kinds);
    const items = all.slice(cursor.offset, cursor.offset + limit);
    const nextOffset = cursor.offset + items.length;
    return {
      items,
      totalItems: all.length,
      pageInfo: {
        nextCursor:
          nextOffset < all.length
            ? Buffer.from(
                JSON.stringify({ offset: nextOffset, kinds: cursor.kinds }),
              ).toString('base64')
            : undefined,
      },
    };
  }

  async getEntitiesByRefs(request: GetEntitiesByRefsRequest) {
    return {
      items: request.entityRefs.map(ref =>
        this.#byRef.get(ref.toLocaleLowerCase('en-US')),
      ),
    };
  }

  async getEntityByRef(
    ref: string | { kind: string; namespace?: string; name: string },
  ) {
    const key =
      typeof ref === 'string'
        ? ref.toLocaleLowerCase('en-US')
        : stringifyEntityRef(ref);
    return this.#byRef.get(key);
  }
}
