import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TIER,
  type ReliabilityPolicy,
} from '@reliability-suite/plugin-reliability-common';
import { toFullRef } from '../lib/entityDescriptor';

/** What evaluation needs to know about an entity's owner and dependencies. */
export interface EntityCatalogContext {
  /** null when `spec.owner` is unset; kind null when the owner is not in the catalog. */
  owner: { ref: string; kind: string | null } | null;
  dependencies: { ref: string; tier: number | null; found: boolean }[];
}

function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  return typeof value === 'string' ? [value] : [];
}

/** The fields of an owner or dependency that evaluation reads: all it asks the catalog for. */
export const CONTEXT_FIELDS: readonly string[] = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  `metadata.annotations.${ANNOTATION_TIER}`,
];

/** Refs a run has looked up at most; beyond it the run starts remembering afresh. */
const MAX_REMEMBERED_REFS = 100_000;

/**
 * What one full run has learnt of owners and dependencies: each ref's entity (only the
 * fields evaluation reads), or null when the catalog does not have it. A run's pages name
 * the same few hundred owners and many of the same dependencies again and again (in the
 * benchmark catalog 115,000 lookups a run are 32,000 distinct refs), so a run asks the
 * catalog for each once; the next run asks again. Bounded: past MAX_REMEMBERED_REFS it
 * forgets everything and starts over, so a huge catalog costs a few lookups more, never
 * unbounded memory.
 */
export class RunCatalogLookups {
  readonly #entities = new Map<string, Entity | null>();
  readonly #limit: number;

  constructor(limit = MAX_REMEMBERED_REFS) {
    this.#limit = limit;
  }

  /** The entity, null when the catalog lacked it, undefined when not looked up yet. */
  get(ref: string): Entity | null | undefined {
    return this.#entities.get(ref);
  }

  remember(ref: string, entity: Entity | null): void {
    if (this.#entities.size >= this.#limit) {
      this.#entities.clear();
    }
    this.#entities.set(ref, entity);
  }
}

/**
 * Resolves owners' kinds and dependencies' tiers for a batch of entities with a single
 * `getEntitiesByRefs` call, so a full run costs at most one catalog round-trip per page
 * (none for a page whose refs the run has all looked up before, see RunCatalogLookups).
 */
export class CatalogContext {
  readonly #tierLevels: Map<string, number>;

  constructor(
    private readonly catalog: Pick<CatalogService, 'getEntitiesByRefs'>,
    policy: Pick<ReliabilityPolicy, 'tiers'>,
  ) {
    this.#tierLevels = new Map(
      policy.tiers.map(tier => [String(tier.level), tier.level]),
    );
  }

  async resolve(
    entities: Entity[],
    credentials: BackstageCredentials,
    lookups?: RunCatalogLookups,
  ): Promise<Map<Entity, EntityCatalogContext>> {
    const wanted = new Set<string>();
    const plans = entities.map(entity => {
      const namespace = entity.metadata.namespace ?? 'default';
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      const ownerRaw =
        typeof spec.owner === 'string' && spec.owner.trim() !== ''
          ? spec.owner.trim()
          : null;
      const ownerRef = ownerRaw && toFullRef(ownerRaw, 'group', namespace);
      if (ownerRef) {
        wanted.add(ownerRef);
      }
      // Like the catalog's own relation processing, a dependsOn target must name its
      // kind; an unparsable one is reported as a dependency that was not found.
      const dependencies = asStringList(spec.dependsOn).map(raw => {
        const ref = toFullRef(raw, undefined, namespace);
        if (ref) {
          wanted.add(ref);
        }
        return { raw, ref };
      });
      return { entity, ownerRaw, ownerRef, dependencies };
    });

    const found = new Map<string, Entity>();
    const refs: string[] = [];
    for (const ref of wanted) {
      const known = lookups?.get(ref);
      if (known === undefined) {
        refs.push(ref);
      } else if (known !== null) {
        found.set(ref, known);
      }
    }
    if (refs.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: refs,
          fields: [...CONTEXT_FIELDS],
        },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) {
          found.set(refs[index], item);
        }
        lookups?.remember(refs[index], item ?? null);
      });
    }

    const result = new Map<Entity, EntityCatalogContext>();
    for (const plan of plans) {
      let owner: EntityCatalogContext['owner'] = null;
      if (plan.ownerRaw) {
        const ownerEntity = plan.ownerRef
          ? found.get(plan.ownerRef)
          : undefined;
        owner = {
          ref: plan.ownerRef ?? plan.ownerRaw,
          kind: ownerEntity?.kind ?? null,
        };
      }
      result.set(plan.entity, {
        owner,
        dependencies: plan.dependencies.map(({ raw, ref }) => {
          const target = ref ? found.get(ref) : undefined;
          const tierValue = target?.metadata.annotations?.[ANNOTATION_TIER];
          return {
            ref: ref ?? raw,
            tier:
              tierValue !== undefined
                ? this.#tierLevels.get(tierValue) ?? null
                : null,
            found: target !== undefined,
          };
        }),
      });
    }
    return result;
  }
}
