import type { OnCallLive } from '../../oncall/types';
import type { OnCallProvider } from '../../types';
import type { CheckContext, CheckOutcome } from '../types';

const PROVIDER_NAMES: Record<OnCallProvider, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie / Jira Service Management',
  'splunk-on-call': 'Splunk On-Call',
  other: 'rotations (reliability.oncall.rotations)',
};

/**
 * The live on-call data a check can judge, or the outcome when there is none: no key or no
 * provider configured for it is `not-applicable`; a provider that could not be asked is
 * `unknown` (never `fail`: the rotation may be fine).
 */
export function liveOrOutcome({
  input,
}: CheckContext): { live: OnCallLive } | { outcome: CheckOutcome } {
  const { oncall } = input.profile;
  if (!oncall) {
    return {
      outcome: {
        state: 'not-applicable',
        message: 'No on-call key, so there is nothing to verify',
      },
    };
  }
  const live = input.oncallLive;
  if (!live || live.state === 'not-configured') {
    return {
      outcome: {
        state: 'not-applicable',
        message:
          oncall.provider === 'other'
            ? `"${oncall.reference}" names no configured rotation, so it cannot be verified`
            : `No ${
                PROVIDER_NAMES[oncall.provider]
              } connection is configured, so ${
                oncall.annotation
              } cannot be verified`,
        howToFix:
          oncall.provider === 'other'
            ? 'Define the rotation under reliability.oncall.rotations in app-config and name it in reliability/oncall-rotation.'
            : `Configure the ${
                PROVIDER_NAMES[oncall.provider]
              } connection under reliability.oncall in app-config.`,
      },
    };
  }
  if (live.state === 'unavailable') {
    return {
      outcome: {
        state: 'unknown',
        message: `On-call data could not be read: ${
          live.reason ?? 'the provider did not answer'
        }`,
      },
    };
  }
  return { live };
}

/** The name of what the key references, for messages. */
export function targetLabel(context: CheckContext, live: OnCallLive): string {
  const oncall = context.input.profile.oncall!;
  const name = live.target?.name;
  return `${oncall.reference}${
    name && name !== oncall.reference ? ` (${name})` : ''
  }`;
}
