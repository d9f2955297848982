import { ONCALL_ANNOTATIONS } from '../../annotations';
import type { OnCallProvider } from '../../types';
import type { CheckContext, CheckOutcome } from '../types';

const PROVIDER_LABELS: Record<OnCallProvider, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  'splunk-on-call': 'Splunk On-Call',
  other: 'rotation',
};

/** Any on-call annotation of the common README's annotation table is present. */
export function evaluateOncall({ input }: CheckContext): CheckOutcome {
  const { oncall } = input.profile;
  if (oncall) {
    return {
      state: 'pass',
      message: `On call: ${PROVIDER_LABELS[oncall.provider]} ${
        oncall.reference
      } (${oncall.annotation})`,
    };
  }
  const keys = [...new Set(ONCALL_ANNOTATIONS.map(key => key.annotation))];
  return {
    state: 'fail',
    message: `No on-call key: none of ${keys.join(', ')} is set`,
  };
}
