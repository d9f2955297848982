import { entityLabel, reliabilityTabPath } from './links';
import { NOTIFICATION_TOPICS, type NotificationIntent } from './types';

/** The live status of one SLO as the live-status code reports it. */
export type SloLiveState =
  | 'healthy'
  | 'warning'
  | 'critical'
  | 'exhausted'
  | 'unknown';

const ALARMING: ReadonlySet<SloLiveState> = new Set(['critical', 'exhausted']);

/**
 * The notification when an SLO turns critical or exhausted (from any other state, or
 * from critical to exhausted): to the owners and, when known, the person on call. Null for
 * every other transition; recovering is not notified.
 */
export function decideSloStatus(options: {
  entityRef: string;
  entityTitle?: string | null;
  sloName: string;
  before: SloLiveState | null;
  after: SloLiveState;
  onCallUserRef?: string | null;
  observedAt: string;
}): NotificationIntent | null {
  const { before, after } = options;
  if (!ALARMING.has(after) || before === after) {
    return null;
  }
  if (before === 'exhausted' && after === 'critical') {
    return null;
  }
  const name = entityLabel(options.entityRef, options.entityTitle);
  return {
    key: `slo-status:${options.entityRef}:${options.sloName}:${after}:${options.observedAt}`,
    recipients: options.onCallUserRef
      ? [options.entityRef, options.onCallUserRef]
      : [options.entityRef],
    payload: {
      title: `${name}: SLO ${options.sloName} is ${after}`,
      description:
        after === 'exhausted'
          ? 'The error budget is spent. Stop risky releases and work on reliability until it recovers.'
          : 'The error budget burns fast. Look at the SLO and the recent changes now.',
      link: reliabilityTabPath(options.entityRef),
      severity: 'critical',
      topic: NOTIFICATION_TOPICS.sloStatus,
      scope: `reliability:slo:${options.entityRef}:${options.sloName}`,
    },
  };
}
