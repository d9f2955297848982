import { ANNOTATION_SLO_REF } from '../../annotations';
import { countOf } from '../format';
import type { CheckContext, CheckOutcome } from '../types';
import { unreadableSloOutcome } from './unreadableSlo';

/** At least one valid SLO; `unknown` when the SLO file could not be read. */
export function evaluateSloDefined({ input }: CheckContext): CheckOutcome {
  const { slos } = input;
  if (slos.status === 'unreachable') {
    return unreadableSloOutcome(input);
  }
  if (slos.status === 'absent') {
    return { state: 'fail', message: `No ${ANNOTATION_SLO_REF} annotation` };
  }
  if (slos.slos.length === 0) {
    const location = slos.location ?? input.profile.sloRef;
    return {
      state: 'fail',
      message: `The SLO file${
        location ? ` ${location}` : ''
      } has no valid SLO (${countOf(slos.problems.length, 'problem')})`,
      howToFix:
        'Fix the problems reported for the SLO file: each names the document and field that is wrong.',
    };
  }
  return {
    state: 'pass',
    message: `${countOf(slos.slos.length, 'valid SLO')}: ${slos.slos
      .map(slo => slo.name)
      .join(', ')}`,
  };
}
