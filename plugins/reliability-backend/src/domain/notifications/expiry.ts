import { entityLabel, reliabilityTabPath } from './links';
import { NOTIFICATION_TOPICS, type NotificationIntent } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Owners hear of an expiry 14 days ahead and again 3 days ahead. */
export const EXPIRY_WARNING_DAYS = [14, 3] as const;
export type ExpiryStage = (typeof EXPIRY_WARNING_DAYS)[number];

/**
 * The warning due at `now` for something expiring at `expiresAt`: 3 once it is within 3
 * days, else 14 once within 14 days; null when it is further away or already expired (the
 * check's own state then says so, and a regression notification follows).
 */
export function expiryStage(expiresAt: string, now: Date): ExpiryStage | null {
  const left = Date.parse(expiresAt) - now.getTime();
  if (Number.isNaN(left) || left <= 0) {
    return null;
  }
  if (left <= 3 * DAY_MS) {
    return 3;
  }
  if (left <= 14 * DAY_MS) {
    return 14;
  }
  return null;
}

/** An attestation or an approved waiver that will stop counting. */
export interface ExpiringItem {
  kind: 'attestation' | 'waiver';
  /** The attestation's or waiver's id: a renewal has a new id and warns afresh. */
  id: string;
  entityRef: string;
  entityTitle?: string | null;
  checkId: string;
  checkTitle?: string;
  expiresAt: string;
}

/**
 * The owners' warning for an expiring item at `now`, keyed per item and stage so each
 * stage is sent once; both stages share one scope, so the 3-day warning updates the 14-day one.
 */
export function decideExpiryWarning(
  item: ExpiringItem,
  now: Date,
): NotificationIntent | null {
  const stage = expiryStage(item.expiresAt, now);
  if (stage === null) {
    return null;
  }
  const name = entityLabel(item.entityRef, item.entityTitle);
  const check = item.checkTitle ?? item.checkId;
  const date = item.expiresAt.slice(0, 10);
  return {
    key: `expiring:${item.kind}:${item.id}:${stage}`,
    recipients: [item.entityRef],
    payload: {
      title: `${name}: ${item.kind} of ${check} expires on ${date}`,
      description:
        item.kind === 'attestation'
          ? `Within ${stage} days the check stops passing. Re-attest it with fresh evidence.`
          : `Within ${stage} days the waiver ends and the check counts again. Fix the check or request a new waiver.`,
      link: reliabilityTabPath(item.entityRef, item.checkId),
      severity: stage === 3 ? 'high' : 'normal',
      topic: NOTIFICATION_TOPICS.expiring,
      scope: `reliability:expiring:${item.kind}:${item.id}`,
    },
  };
}
