import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const VISIBILITY_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Who may read an entity's reliability data: whoever the catalog shows the entity to. Shared
 * by the REST routes and the agent actions so both answer the same caller the same way.
 */
export class EntityAccess {
  readonly #auth: Pick<AuthService, 'isPrincipal' | 'getOwnServiceCredentials'>;
  readonly #catalog: Pick<
    CatalogService,
    'getEntityByRef' | 'getEntitiesByRefs'
  >;

  constructor(options: {
    auth: Pick<AuthService, 'isPrincipal' | 'getOwnServiceCredentials'>;
    catalog: Pick<CatalogService, 'getEntityByRef' | 'getEntitiesByRefs'>;
  }) {
    this.#auth = options.auth;
    this.#catalog = options.catalog;
  }

  /**
   * A service caller (a CI pipeline with a static token restricted to this plugin) may use
   * this plugin as a whole: its token cannot be forwarded to the catalog, so the catalog is
   * asked with the plugin's own credentials. Users see only what the catalog shows them.
   */
  async catalogCredentials(
    credentials: BackstageCredentials,
  ): Promise<BackstageCredentials> {
    return this.#auth.isPrincipal(credentials, 'service')
      ? this.#auth.getOwnServiceCredentials()
      : credentials;
  }

  /**
   * The entity as the caller may see it. Nobody learns about an entity the catalog would not
   * show them: it is a 404 like any entity that does not exist.
   */
  async findEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials: await this.catalogCredentials(credentials),
    });
    if (!entity) {
      throw new NotFoundError(`Entity ${entityRef} not found in the catalog`);
    }
    return entity;
  }

  /** The same answer as {@link findEntity}, but the catalog sends back only the entity's name. */
  async requireVisible(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const { items } = await this.#catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: VISIBILITY_FIELDS },
      { credentials: await this.catalogCredentials(credentials) },
    );
    if (!items[0]) {
      throw new NotFoundError(`Entity ${entityRef} not found in the catalog`);
    }
  }

  /** The refs among `entityRefs` that the caller may see, in the order given. */
  async filterVisible(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (entityRefs.length === 0) {
      return [];
    }
    const { items } = await this.#catalog.getEntitiesByRefs(
      { entityRefs, fields: VISIBILITY_FIELDS },
      { credentials: await this.catalogCredentials(credentials) },
    );
    return entityRefs.filter((_, index) => Boolean(items[index]));
  }
}
