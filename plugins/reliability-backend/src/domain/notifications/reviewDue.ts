import { entityLabel, reliabilityTabPath } from './links';
import { NOTIFICATION_TOPICS, type NotificationIntent } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How early owners hear that a review falls due. */
export const REVIEW_DUE_NOTICE_DAYS = 14;

/**
 * When an entity's next readiness review is due: its last sign-off plus the tier's cadence.
 * Null without a cadence for the tier (reviews are not periodic there) or without any
 * sign-off (nothing to repeat yet).
 */
export function reviewDueAt(
  lastSignedOffAt: string | null,
  cadenceDays: number | undefined,
): Date | null {
  if (!lastSignedOffAt || !cadenceDays || cadenceDays <= 0) {
    return null;
  }
  const at = Date.parse(lastSignedOffAt);
  return Number.isNaN(at) ? null : new Date(at + cadenceDays * DAY_MS);
}

/**
 * The owners' notice that a review is due within 14 days or overdue, once per due date
 * (a new sign-off moves the date and starts over). Null while a review is already
 * requested: the approvers have it.
 */
export function decideReviewDue(options: {
  entityRef: string;
  entityTitle?: string | null;
  lastSignedOffAt: string | null;
  cadenceDays: number | undefined;
  reviewPending: boolean;
  now: Date;
}): NotificationIntent | null {
  const due = reviewDueAt(options.lastSignedOffAt, options.cadenceDays);
  if (!due || options.reviewPending) {
    return null;
  }
  const left = due.getTime() - options.now.getTime();
  if (left > REVIEW_DUE_NOTICE_DAYS * DAY_MS) {
    return null;
  }
  const name = entityLabel(options.entityRef, options.entityTitle);
  const date = due.toISOString().slice(0, 10);
  const overdue = left <= 0;
  return {
    key: `review-due:${options.entityRef}:${date}:${
      overdue ? 'overdue' : 'soon'
    }`,
    recipients: [options.entityRef],
    payload: {
      title: overdue
        ? `${name}: readiness review overdue since ${date}`
        : `${name}: readiness review due on ${date}`,
      description: `The tier asks for a review every ${options.cadenceDays} days. Bring the checks up to date and request a review.`,
      link: reliabilityTabPath(options.entityRef),
      severity: overdue ? 'high' : 'normal',
      topic: NOTIFICATION_TOPICS.reviewDue,
      scope: `reliability:review-due:${options.entityRef}`,
    },
  };
}
