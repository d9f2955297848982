import type { CheckContext, CheckOutcome } from '../types';

/** A custom automatic check: passes when its annotation is present and not blank. */
export function evaluateAnnotationCheck({
  input,
  definition,
}: CheckContext): CheckOutcome {
  const key = definition.annotation;
  if (!key) {
    return {
      state: 'unknown',
      message: `No evaluator is installed for the automatic check "${definition.id}"`,
      howToFix:
        'Give the check an `annotation` in reliability.policy.checks, or install the backend module that evaluates it.',
    };
  }
  const value = input.entity.metadata.annotations?.[key];
  if (value === undefined) {
    return { state: 'fail', message: `No ${key} annotation` };
  }
  if (value.trim() === '') {
    return { state: 'fail', message: `The ${key} annotation is empty` };
  }
  return { state: 'pass', message: `${key} is "${value}"` };
}
