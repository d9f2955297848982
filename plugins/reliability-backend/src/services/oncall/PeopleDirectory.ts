import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  PeopleByEmail,
  PersonDetails,
} from '@reliability-suite/plugin-reliability-common';

export interface People {
  byRef: ReadonlyMap<string, PersonDetails>;
  byEmail: PeopleByEmail;
}

const PAGE_SIZE = 1000;
const DEFAULT_TTL_MS = 5 * 60_000;

/**
 * Catalog users, to show rotation members by name and to match vendor users by email.
 * Read in pages (only the fields needed) and kept for a few minutes: a full evaluation asks
 * for every entity with an on-call key.
 */
export class PeopleDirectory {
  readonly #catalog: Pick<CatalogService, 'queryEntities'>;
  readonly #auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #loaded?: { people: Promise<People>; at: number };

  constructor(options: {
    catalog: Pick<CatalogService, 'queryEntities'>;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    ttlMs?: number;
    now?: () => number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  get(): Promise<People> {
    const now = this.#now();
    if (!this.#loaded || now - this.#loaded.at > this.#ttlMs) {
      const people = this.#load();
      this.#loaded = { people, at: now };
      // A failed read is not kept: the next caller tries again.
      people.catch(() => {
        if (this.#loaded?.people === people) {
          this.#loaded = undefined;
        }
      });
    }
    return this.#loaded.people;
  }

  async #load(): Promise<People> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const byRef = new Map<string, PersonDetails>();
    const byEmail = new Map<string, { ref: string; name: string }>();
    let cursor: string | undefined;
    do {
      const page = await this.#catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : {
              filter: { kind: 'User' },
              limit: PAGE_SIZE,
              fields: [
                'kind',
                'metadata.name',
                'metadata.namespace',
                'metadata.title',
                'spec.profile',
              ],
            },
        { credentials },
      );
      for (const user of page.items) {
        const ref = stringifyEntityRef(user);
        const { name, email } = detailsOf(user);
        byRef.set(ref, { name, ...(email && { email }) });
        if (email) {
          byEmail.set(email.toLocaleLowerCase('en-US'), { ref, name });
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return { byRef, byEmail };
  }
}

function detailsOf(user: Entity): { name: string; email?: string } {
  const profile = (user.spec?.profile ?? {}) as {
    displayName?: unknown;
    email?: unknown;
  };
  const name =
    (typeof profile.displayName === 'string' && profile.displayName) ||
    user.metadata.title ||
    user.metadata.name;
  const email =
    typeof profile.email === 'string' && profile.email.trim() !== ''
      ? profile.email.trim()
      : undefined;
  return { name, ...(email && { email }) };
}
