import type { CheckOutcome, EvaluationInput } from '../types';

/** The outcome of every SLO-based check when the SLO file could not be fetched. */
export function unreadableSloOutcome(input: EvaluationInput): CheckOutcome {
  const location = input.slos.location ?? input.profile.sloRef ?? 'SLO file';
  const reason = input.slos.problems[0]?.message;
  return {
    state: 'unknown',
    message: `Could not read ${location}${reason ? `: ${reason}` : ''}`,
    howToFix:
      'Make sure `reliability/slo-ref` points to a file that exists and that Backstage may read (a path next to catalog-info.yaml, or `url:` on an integrated host); the check is re-evaluated on the next run.',
  };
}
