import { ANNOTATION_TECHDOCS_REF } from '../../annotations';
import type { CheckContext, CheckOutcome } from '../types';

/** `backstage.io/techdocs-ref` is present. */
export function evaluateDocs({ input }: CheckContext): CheckOutcome {
  if (input.profile.hasDocs) {
    const ref = input.entity.metadata.annotations?.[ANNOTATION_TECHDOCS_REF];
    return {
      state: 'pass',
      message: ref
        ? `TechDocs from ${ref} (${ANNOTATION_TECHDOCS_REF})`
        : `TechDocs: ${ANNOTATION_TECHDOCS_REF} is set`,
    };
  }
  return {
    state: 'fail',
    message: `No ${ANNOTATION_TECHDOCS_REF} annotation`,
  };
}
