import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

export const ENTITY_REF_DESCRIPTION =
  'The entity, as an entity ref such as "component:default/checkout"; a bare name means a component in the default namespace';

/**
 * The lower-case entity ref of an action's `entityRef` input, or an InputError naming the
 * field: the same refs the REST paths accept.
 */
export function parseEntityRefInput(value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `Invalid entityRef: ${
        (error as Error).message
      }; use "kind:namespace/name"`,
    );
  }
  if (
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `Invalid entityRef: "${value}" is not a valid entity ref such as "component:default/checkout"`,
    );
  }
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
}
