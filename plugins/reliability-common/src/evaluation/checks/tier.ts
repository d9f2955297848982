import { ANNOTATION_TIER } from '../../annotations';
import type { CheckContext, CheckOutcome } from '../types';

/** A valid tier of the policy's scale is assigned. */
export function evaluateTier({
  input,
  policy,
  tierLevel,
}: CheckContext): CheckOutcome {
  if (input.profile.tier && tierLevel !== null) {
    return {
      state: 'pass',
      message: `${input.profile.tier.name} (${ANNOTATION_TIER}: "${tierLevel}")`,
    };
  }
  const raw = input.entity.metadata.annotations?.[ANNOTATION_TIER];
  if (raw === undefined) {
    return { state: 'fail', message: `No ${ANNOTATION_TIER} annotation` };
  }
  const allowed = policy.tiers.map(tier => `"${tier.level}"`).join(', ');
  return {
    state: 'fail',
    message: `${ANNOTATION_TIER} is "${raw}", which is not one of ${allowed}`,
  };
}
