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

/**
 * Resolves owners' kinds and dependencies' tiers for a batch of entities with a single
 * `getEntitiesByRefs` call, so a full run costs one catalog round-trip per page.
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
    if (wanted.size > 0) {
      const refs = [...wanted];
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: refs,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            `metadata.annotations.${ANNOTATION_TIER}`,
          ],
        },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) {
          found.set(refs[index], item);
        }
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
