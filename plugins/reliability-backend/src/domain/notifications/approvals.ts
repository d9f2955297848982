import type {
  Review,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';
import { INBOX_PATH, entityLabel, reliabilityTabPath } from './links';
import { NOTIFICATION_TOPICS, type NotificationIntent } from './types';

/** Who may decide an entity's waivers and reviews (see approverRecipients). */
export interface ApprovalContext {
  entityRef: string;
  entityTitle?: string | null;
  /** Title of the waived check. */
  checkTitle?: string;
  /** Entity refs of the approvers; empty when nobody can be named. */
  approvers: string[];
}

/**
 * The approvers to notify for an entity of a tier: the tier's approver group when the
 * policy names one (only its members may approve), else the configured fallback approvers.
 */
export function approverRecipients(
  tierGroup: string | null,
  fallback: readonly string[],
): string[] {
  return tierGroup ? [tierGroup] : [...fallback];
}

/** The approvers' notification for a waiver waiting for a decision. */
export function decideWaiverRequested(
  waiver: Waiver,
  context: ApprovalContext,
): NotificationIntent | null {
  if (waiver.status !== 'requested' || context.approvers.length === 0) {
    return null;
  }
  const name = entityLabel(waiver.entityRef, context.entityTitle);
  const check = context.checkTitle ?? waiver.checkId;
  return {
    key: `waiver-requested:${waiver.id}`,
    recipients: context.approvers,
    excludeRefs: [waiver.requestedBy],
    payload: {
      title: `Waiver waiting for approval: ${name}, ${check}`,
      description: `Requested until ${waiver.expiresAt.slice(0, 10)}: "${
        waiver.justification
      }". Approve or reject it in your inbox.`,
      link: INBOX_PATH,
      severity: 'normal',
      topic: NOTIFICATION_TOPICS.approvalRequested,
      scope: `reliability:waiver:${waiver.id}`,
    },
  };
}

/** The requester's notification when their waiver was approved or rejected. */
export function decideWaiverDecided(
  waiver: Waiver,
  context: Omit<ApprovalContext, 'approvers'>,
): NotificationIntent | null {
  if (waiver.status !== 'approved' && waiver.status !== 'rejected') {
    return null;
  }
  const name = entityLabel(waiver.entityRef, context.entityTitle);
  const check = context.checkTitle ?? waiver.checkId;
  const approved = waiver.status === 'approved';
  const comment = waiver.decisionComment ? ` "${waiver.decisionComment}"` : '';
  return {
    key: `waiver-decided:${waiver.id}`,
    recipients: [waiver.requestedBy],
    payload: {
      title: `Waiver ${waiver.status}: ${name}, ${check}`,
      description: approved
        ? `The check counts as waived until ${waiver.expiresAt.slice(
            0,
            10,
          )}.${comment} Fix it before then.`
        : `The check still counts against readiness.${comment} Fix the check or request a new waiver.`,
      link: reliabilityTabPath(waiver.entityRef, waiver.checkId),
      severity: approved ? 'normal' : 'high',
      topic: NOTIFICATION_TOPICS.approvalDecided,
      // The same scope as the request: the requester's live notification is the decision.
      scope: `reliability:waiver:${waiver.id}`,
    },
  };
}

/** The approvers' notification for a readiness review waiting for sign-off. */
export function decideReviewRequested(
  review: Review,
  context: ApprovalContext,
): NotificationIntent | null {
  if (review.status !== 'requested' || context.approvers.length === 0) {
    return null;
  }
  const name = entityLabel(review.entityRef, context.entityTitle);
  return {
    key: `review-requested:${review.id}`,
    recipients: context.approvers,
    excludeRefs: [review.requestedBy],
    payload: {
      title: `Readiness review waiting for sign-off: ${name}`,
      description: `${
        review.requestComment ? `"${review.requestComment}" ` : ''
      }Sign it off or reject it in your inbox.`,
      link: INBOX_PATH,
      severity: 'normal',
      topic: NOTIFICATION_TOPICS.approvalRequested,
      scope: `reliability:review:${review.id}`,
    },
  };
}

/** The requester's notification when their review was signed off or rejected. */
export function decideReviewDecided(
  review: Review,
  context: Omit<ApprovalContext, 'approvers' | 'checkTitle'>,
): NotificationIntent | null {
  if (review.status !== 'signed-off' && review.status !== 'rejected') {
    return null;
  }
  const name = entityLabel(review.entityRef, context.entityTitle);
  const signedOff = review.status === 'signed-off';
  const comment = review.decisionComment ? ` "${review.decisionComment}"` : '';
  return {
    key: `review-decided:${review.id}`,
    recipients: [review.requestedBy],
    payload: {
      title: `Readiness review ${
        signedOff ? 'signed off' : 'rejected'
      }: ${name}`,
      description: signedOff
        ? `The service's readiness is signed off.${comment}`
        : `The review was rejected.${comment} Address the comment and request a new review.`,
      link: reliabilityTabPath(review.entityRef),
      severity: signedOff ? 'normal' : 'high',
      topic: NOTIFICATION_TOPICS.approvalDecided,
      scope: `reliability:review:${review.id}`,
    },
  };
}
