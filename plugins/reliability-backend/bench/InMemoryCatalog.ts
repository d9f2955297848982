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

/** Copies the dotted `fields` paths of `source` (those present) into a new object. */
function project(source: Record<string, any>, fields: string[]) {
  const target: Record<string, any> = {};
  for (const field of fields) {
    const path = field.split('.');
    let from: any = source;
    for (const part of path) {
      from = from?.[part];
    }
    if (from === undefined) {
      continue;
    }
    let to = target;
    for (const part of path.slice(0, -1)) {
      to = to[part] ??= {};
    }
    to[path[path.length - 1]] = from;
  }
  return target;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');
const NULL = Buffer.from('null');

/** A JSON array of the given JSON documents, decoded and parsed as one response body. */
function parseList(documents: Buffer[]): Entity[] {
  const parts: Buffer[] = [OPEN];
  documents.forEach((document, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(document);
  });
  parts.push(CLOSE);
  return JSON.parse(Buffer.concat(parts).toString());
}

/**
 * A catalog in memory with the same paging shape as the real one: `queryEntities` pages
 * with opaque cursors and filters by kind, `getEntitiesByRefs` answers in request order
 * with undefined for unknown refs. Entities are kept as JSON bytes (Buffers, outside the
 * JavaScript heap) and decoded and parsed per request, as the real catalog client does with
 * each HTTP response: the catalog does not live in the evaluating process's heap (where it
 * would also raise the point at which V8 collects the old generation, inflating the peak
 * heap measured), and each page is a fresh set of objects.
 */
export class InMemoryCatalog
  implements
    Pick<
      CatalogService,
      'queryEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
    >
{
  readonly #entities: Array<{ kind: string; json: Buffer }>;
  readonly #byRef: Map<string, Buffer>;
  readonly #byKind = new Map<string, Buffer[]>();
  readonly #projections = new Map<string, Map<string, Buffer>>();

  /**
   * `projectedFields`: the `fields` lists whose answers are made up front for every
   * entity. Picking fields out of an entity is the catalog server's work, done in its own
   * process; made here on the first request for each ref, it was counted against the
   * evaluation being measured (a fifteenth of a 50,000-entity run's scoring thread).
   */
  constructor(entities: Entity[], options?: { projectedFields?: string[][] }) {
    this.#entities = entities.map(e => ({
      kind: e.kind.toLowerCase(),
      json: Buffer.from(JSON.stringify(e)),
    }));
    this.#byRef = new Map(
      entities.map((e, i) => [stringifyEntityRef(e), this.#entities[i].json]),
    );
    for (const fields of options?.projectedFields ?? []) {
      const projections = this.#projectionsOf(fields);
      for (const ref of this.#byRef.keys()) {
        projections(ref);
      }
    }
  }

  #matching(kinds: string[] | null): Buffer[] {
    const key = kinds?.join(',') ?? '*';
    let list = this.#byKind.get(key);
    if (!list) {
      list = this.#entities
        .filter(e => !kinds || kinds.includes(e.kind))
        .map(e => e.json);
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
    const items: Entity[] = parseList(
      all.slice(cursor.offset, cursor.offset + limit),
    );
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
    const projections = request.fields?.length
      ? this.#projectionsOf(request.fields)
      : undefined;
    const documents = request.entityRefs.map(ref => {
      const key = ref.toLowerCase();
      return (projections ? projections(key) : this.#byRef.get(key)) ?? NULL;
    });
    // The catalog answers with one body, null for each unknown ref, which the client
    // parses whole and maps null to undefined.
    return {
      items: parseList(documents).map(item => item ?? undefined),
    };
  }

  /**
   * The entity with only the given fields, as the catalog answers a `fields` request (it
   * sends, and the client parses, only those), kept once made.
   */
  #projectionsOf(fields: string[]): (ref: string) => Buffer | undefined {
    const fieldsKey = fields.join(',');
    let projections = this.#projections.get(fieldsKey);
    if (!projections) {
      projections = new Map();
      this.#projections.set(fieldsKey, projections);
    }
    const made = projections;
    return ref => {
      let json = made.get(ref);
      if (json === undefined) {
        const full = this.#byRef.get(ref);
        if (full === undefined) {
          return undefined;
        }
        json = Buffer.from(
          JSON.stringify(project(JSON.parse(full.toString()), fields)),
        );
        made.set(ref, json);
      }
      return json;
    };
  }

  async getEntityByRef(
    ref: string | { kind: string; namespace?: string; name: string },
  ) {
    const key =
      typeof ref === 'string'
        ? ref.toLocaleLowerCase('en-US')
        : stringifyEntityRef(ref);
    const json = this.#byRef.get(key);
    return json === undefined
      ? undefined
      : (JSON.parse(json.toString()) as Entity);
  }
}
