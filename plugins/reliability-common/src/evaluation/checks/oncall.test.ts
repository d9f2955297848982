import { checkContext, readyInput, withProfile } from '../testFixtures';
import { evaluateOncall } from './oncall';

describe('evaluateOncall', () => {
  it('passes naming the provider and reference', () => {
    expect(evaluateOncall(checkContext('oncall', readyInput()))).toEqual({
      state: 'pass',
      message: 'On call: PagerDuty PABC123 (pagerduty.com/service-id)',
    });
  });

  it('passes for a vendor-neutral rotation', () => {
    const input = withProfile(readyInput(), {
      oncall: {
        provider: 'other',
        reference: 'payments-primary',
        annotation: 'reliability/oncall-rotation',
      },
    });
    expect(evaluateOncall(checkContext('oncall', input)).message).toBe(
      'On call: rotation payments-primary (reliability/oncall-rotation)',
    );
  });

  it('fails naming the keys it looked for', () => {
    const input = withProfile(readyInput(), { oncall: null });
    expect(evaluateOncall(checkContext('oncall', input))).toEqual({
      state: 'fail',
      message:
        'No on-call key: none of pagerduty.com/service-id, pagerduty.com/integration-key, opsgenie.com/team, opsgenie.com/component-selector, splunk.com/on-call-team, splunk.com/on-call-routing-key, reliability/oncall-rotation is set',
    });
  });
});
