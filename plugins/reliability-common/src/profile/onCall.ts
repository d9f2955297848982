import type { OnCallInfo, Problem } from '../types';
import {
  ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  ONCALL_ANNOTATIONS,
} from '../annotations';
import { httpUrl } from './urls';

/**
 * The `reference` shown for a PagerDuty integration key. The key itself lets anyone who has
 * it trigger incidents, so it never leaves the annotation: reports say only that it is set.
 */
export const INTEGRATION_KEY_REFERENCE = 'integration key set';

/**
 * The first on-call annotation present, in the contract's provider order. Empty values
 * count as absent, with a warning. Only the neutral rotation gets a `url`, and only when
 * it is a link itself: vendor hosts differ per customer and are never guessed.
 */
export function readOnCall(
  annotations: Record<string, string>,
  problems: Problem[],
): OnCallInfo | null {
  for (const { provider, annotation } of ONCALL_ANNOTATIONS) {
    const raw = annotations[annotation];
    if (raw === undefined) {
      continue;
    }
    const reference = String(raw).trim();
    if (reference === '') {
      problems.push({
        severity: 'warning',
        field: annotation,
        message: `${annotation} is empty and is ignored`,
        howToFix: `Set ${annotation} to the ${describe(
          annotation,
        )}, or remove the annotation.`,
      });
      continue;
    }
    if (annotation === ANNOTATION_PAGERDUTY_INTEGRATION_KEY) {
      return { provider, reference: INTEGRATION_KEY_REFERENCE, annotation };
    }
    const url = provider === 'other' ? httpUrl(reference) : undefined;
    return { provider, reference, annotation, ...(url && { url }) };
  }
  return null;
}

function describe(annotation: string): string {
  switch (annotation) {
    case 'pagerduty.com/service-id':
      return 'PagerDuty service id (e.g. PABC123)';
    case 'pagerduty.com/integration-key':
      return 'PagerDuty integration key';
    case 'opsgenie.com/team':
      return 'Opsgenie team name';
    case 'opsgenie.com/component-selector':
      return 'Opsgenie component selector';
    case 'splunk.com/on-call-team':
      return 'Splunk On-Call team';
    case 'splunk.com/on-call-routing-key':
      return 'Splunk On-Call routing key';
    default:
      return 'on-call rotation (a name or a link to the schedule)';
  }
}
