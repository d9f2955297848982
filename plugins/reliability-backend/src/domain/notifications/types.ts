import type { NotificationPayload } from '@backstage/plugin-notifications-common';

/**
 * The suite's notification topics: one per kind, so a user can mute each in their
 * notification settings. Shown to users as is.
 */
export const NOTIFICATION_TOPICS = {
  readinessRegression: 'Readiness regression',
  approvalRequested: 'Waiting for approval',
  approvalDecided: 'Approval decision',
  expiring: 'Attestation or waiver expiring',
  reviewDue: 'Readiness review due',
  coverageOffTrack: 'Coverage target off track',
  sloStatus: 'SLO status',
} as const;

export type NotificationTopic =
  (typeof NOTIFICATION_TOPICS)[keyof typeof NOTIFICATION_TOPICS];

/**
 * One notification to deliver: who gets it and what it says. `key` identifies the delivery:
 * the outbox keeps one row per key, so deciding the same thing twice (two replicas, a
 * retried sweep) delivers it once. `payload.scope` identifies the live notification: a later
 * delivery with the same scope updates it instead of adding another.
 */
export interface NotificationIntent {
  key: string;
  /** Entity refs: users, groups (their members), or any other entity (its owners). */
  recipients: string[];
  /** Users who must not get it (the actor of the change). */
  excludeRefs?: string[];
  payload: NotificationPayload & {
    topic: NotificationTopic;
    scope: string;
    link: string;
  };
}
