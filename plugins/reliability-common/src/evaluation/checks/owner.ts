import type { CheckContext, CheckOutcome } from '../types';

/** `spec.owner` resolves to a Group (warn for a User: a person, not a team). */
export function evaluateOwner({ input }: CheckContext): CheckOutcome {
  const { owner } = input;
  if (!owner) {
    return { state: 'fail', message: 'spec.owner is not set' };
  }
  if (owner.kind === null) {
    return {
      state: 'fail',
      message: `Owner ${owner.ref} is not in the catalog`,
      howToFix: `Register ${owner.ref} in the catalog, or set \`spec.owner\` to a Group that exists, e.g. \`owner: group:default/payments\`.`,
    };
  }
  switch (owner.kind.toLocaleLowerCase('en-US')) {
    case 'group':
      return { state: 'pass', message: `Owned by the team ${owner.ref}` };
    case 'user':
      return {
        state: 'warn',
        message: `Owner ${owner.ref} resolves to a User, not a team`,
        howToFix:
          'Set `spec.owner` to the Group of the team that runs the service: a person is not a rotation and leaves with their knowledge.',
      };
    default:
      return {
        state: 'fail',
        message: `Owner ${owner.ref} resolves to a ${owner.kind}, not a Group`,
      };
  }
}
