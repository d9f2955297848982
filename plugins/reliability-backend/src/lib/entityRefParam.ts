import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const validator = makeValidator();

/**
 * A user-supplied entity ref (`group:default/team-a`, `default/team-a` or `team-a`) as a
 * lower-case full ref, the kind and namespace defaulting as the catalog does. Null when it is
 * not a ref the catalog could hold (bad characters, extra colons, empty parts).
 */
export function normalizeEntityRef(
  value: string,
  defaultKind: string,
): string | null {
  try {
    const ref = parseEntityRef(value.trim().toLocaleLowerCase('en-US'), {
      defaultKind,
      defaultNamespace: 'default',
    });
    if (
      !validator.isValidKind(ref.kind) ||
      !validator.isValidNamespace(ref.namespace) ||
      !validator.isValidEntityName(ref.name)
    ) {
      return null;
    }
    return stringifyEntityRef(ref);
  } catch {
    return null;
  }
}
