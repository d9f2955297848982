import type {
  EntityPresentationApi,
  EntityRefPresentationSnapshot,
} from '@backstage/plugin-catalog-react';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';

/** spec.profile.displayName of the people and teams the fixtures name. */
export const DISPLAY_NAMES: Record<string, string> = {
  'user:default/guest': 'Guest User',
  'user:default/jane.doe': 'Jane Doe',
  'user:default/sre-lead': 'Sam Reyes',
  'group:default/sre-core': 'SRE core',
};

/**
 * The catalog's entity presentation as the app has it: display names for the entities it
 * knows, the ref's name for the others.
 */
export const fixturePresentationApi: EntityPresentationApi = {
  forEntity(entityOrRef: Entity | string) {
    const entityRef =
      typeof entityOrRef === 'string'
        ? entityOrRef
        : stringifyEntityRef(entityOrRef);
    const snapshot: EntityRefPresentationSnapshot = {
      entityRef,
      primaryTitle:
        DISPLAY_NAMES[entityRef] ?? entityRef.replace(/^.*[:/]/, ''),
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};
