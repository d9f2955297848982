import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  Attestation,
  CheckReviewState,
  EntityReviewState,
  LatestReviewResponse,
  ReliabilityPolicy,
  ReliabilityReport,
  Review,
  ReviewActions,
  ReviewHistoryPage,
  Waiver,
  reliabilityAttestPermission,
  reliabilityAttestationRevokePermission,
  reliabilityReviewRequestPermission,
  reliabilityReviewSignOffPermission,
  reliabilityWaiverApprovePermission,
  reliabilityWaiverRequestPermission,
} from '@reliability-suite/plugin-reliability-common';
import type { ReviewStore, ReviewWriteContext } from '../database/ReviewStore';
import { diffCheckStates, snapshotOfReport } from '../lib/reviewDiff';
import {
  approverGroupForTier,
  attestationExpiry,
  isMemberOf,
  parseWaiverExpiry,
  requireAttestedCheck,
  requireCheck,
} from '../lib/reviewRules';
import type { ReportService } from './ReportService';
import type { ReviewEventListener } from './notifications/ReviewNotifier';
import type { EntityEvaluator } from './types';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** A write's outcome and the entity's report re-evaluated right after it. */
export interface ReviewWriteResult<T> {
  result: T;
  /** Null only when the re-evaluation failed; the write itself stands. */
  report: ReliabilityReport | null;
}

/** One waiver or attestation running out soon, as the expiring list shows it. */
export interface ExpiringItem {
  type: 'waiver' | 'attestation';
  id: string;
  entityRef: string;
  checkId: string;
  expiresAt: string;
  /** Whole days left, rounded down (0 when it expires within a day). */
  daysLeft: number;
  /** Who requested the waiver or attested the check. */
  by: string;
}

const DAY_MS = 86_400_000;

interface EntityContext {
  entityRef: string;
  title: string | null;
  report: ReliabilityReport;
}

const ACTION_PERMISSIONS: Record<
  Exclude<keyof ReviewActions, 'approveWaiver'>,
  ResourcePermission
> = {
  attest: reliabilityAttestPermission,
  revokeAttestation: reliabilityAttestationRevokePermission,
  requestWaiver: reliabilityWaiverRequestPermission,
  requestReview: reliabilityReviewRequestPermission,
  signOffReview: reliabilityReviewSignOffPermission,
};

/**
 * The business rules of readiness reviews: who may attest, waive and sign off, what is valid
 * input, and the re-evaluation after every write. The router only parses requests; the store
 * owns the SQL and the optimistic concurrency.
 */
export class ReviewService {
  private readonly store: ReviewStore;
  private readonly policy: ReliabilityPolicy;
  private readonly catalog: CatalogService;
  private readonly reports: Pick<ReportService, 'getReport'>;
  private readonly evaluator: EntityEvaluator;
  private readonly permissions: PermissionsService;
  private readonly userInfo: UserInfoService;
  private readonly logger: LoggerService;
  private readonly events?: ReviewEventListener;
  private readonly now: () => Date;

  constructor(options: {
    store: ReviewStore;
    policy: ReliabilityPolicy;
    catalog: CatalogService;
    reports: Pick<ReportService, 'getReport'>;
    evaluator: EntityEvaluator;
    permissions: PermissionsService;
    userInfo: UserInfoService;
    logger: LoggerService;
    /** Told about every waiver and review write (the notifications). */
    events?: ReviewEventListener;
    now?: () => Date;
  }) {
    this.store = options.store;
    this.policy = options.policy;
    this.catalog = options.catalog;
    this.reports = options.reports;
    this.evaluator = options.evaluator;
    this.permissions = options.permissions;
    this.userInfo = options.userInfo;
    this.logger = options.logger;
    this.events = options.events;
    this.now = options.now ?? (() => new Date());
  }

  async getReviewState(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityReviewState> {
    const { report } = await this.loadEntity(entityRef, credentials);
    const data = await this.store.getEntityReviewData(entityRef);
    const tier = report.tier?.level ?? null;
    const now = this.now().toISOString();
    const checks: CheckReviewState[] = this.policy.checks.map(check => {
      const attestation = data.attestations.get(check.id);
      return {
        checkId: check.id,
        title: check.title,
        kind: check.kind,
        validityDays:
          check.kind === 'attested' ? check.validityDays ?? 365 : null,
        attestation: attestation?.current ?? null,
        attestationVersion: attestation?.version ?? 0,
        waivers: data.waivers.filter(
          waiver =>
            waiver.checkId === check.id &&
            (waiver.status === 'requested' ||
              (waiver.status === 'approved' && waiver.expiresAt > now)),
        ),
        waiverVersion: data.waiverSequences.get(check.id) ?? 0,
      };
    });
    return {
      entityRef,
      inScope: report.inScope,
      tier,
      approverGroup: approverGroupForTier(this.policy, tier),
      maxWaiverDays: this.policy.waivers.maxDays,
      checks,
      review: data.latestReview,
      allowed: await this.allowedActions(entityRef, tier, credentials),
    };
  }

  /** Every version of one check's attestation, newest first. */
  async listAttestationVersions(
    entityRef: string,
    checkId: string,
    credentials: BackstageCredentials,
  ): Promise<Attestation[]> {
    await this.requireVisibleEntity(entityRef, credentials);
    requireAttestedCheck(this.policy, checkId);
    return this.store.listAttestationVersions(entityRef, checkId);
  }

  async attest(
    entityRef: string,
    checkId: string,
    input: { evidenceUrl: string; comment: string; expectedVersion: number },
    credentials: UserCredentials,
  ): Promise<ReviewWriteResult<Attestation>> {
    const entity = await this.loadEntity(entityRef, credentials);
    await this.requirePermission(
      reliabilityAttestPermission,
      entityRef,
      credentials,
      'attest checks of',
    );
    const check = requireAttestedCheck(this.policy, checkId);
    this.requireInScope(entity);
    const now = this.now();
    const attestation = await this.store.createAttestation(
      this.writeContext(entityRef, credentials, now),
      {
        checkId,
        evidenceUrl: input.evidenceUrl,
        comment: input.comment,
        expiresAt: attestationExpiry(check, now).toISOString(),
        expectedVersion: input.expectedVersion,
      },
    );
    return this.reevaluated(entityRef, credentials, attestation);
  }

  async revokeAttestation(
    entityRef: string,
    checkId: string,
    input: { comment: string | null; expectedVersion: number },
    credentials: UserCredentials,
  ): Promise<ReviewWriteResult<Attestation>> {
    await this.loadEntity(entityRef, credentials);
    await this.requirePermission(
      reliabilityAttestationRevokePermission,
      entityRef,
      credentials,
      'revoke attestations of',
    );
    requireAttestedCheck(this.policy, checkId);
    const attestation = await this.store.revokeAttestation(
      this.writeContext(entityRef, credentials, this.now()),
      { checkId, ...input },
    );
    return this.reevaluated(entityRef, credentials, attestation);
  }

  async requestWaiver(
    entityRef: string,
    checkId: string,
    input: {
      justification: string;
      expiresAt: string;
      expectedVersion: number;
    },
    credentials: UserCredentials,
  ): Promise<ReviewWriteResult<Waiver>> {
    const entity = await this.loadEntity(entityRef, credentials);
    await this.requirePermission(
      reliabilityWaiverRequestPermission,
      entityRef,
      credentials,
      'request waivers for',
    );
    requireCheck(this.policy, checkId);
    this.requireInScope(entity);
    const now = this.now();
    const expiresAt = parseWaiverExpiry(
      input.expiresAt,
      now,
      this.policy.waivers.maxDays,
    );
    const waiver = await this.store.createWaiver(
      this.writeContext(entityRef, credentials, now),
      {
        checkId,
        justification: input.justification,
        expiresAt: expiresAt.toISOString(),
        expectedVersion: input.expectedVersion,
      },
    );
    await this.events?.waiverWritten(waiver, eventContext(entity));
    return this.reevaluated(entityRef, credentials, waiver);
  }

  async decideWaiver(
    entityRef: string,
    waiverId: string,
    decision: 'approved' | 'rejected',
    input: { comment: string; expectedVersion: number },
    credentials: UserCredentials,
  ): Promise<ReviewWriteResult<Waiver>> {
    const entity = await this.loadEntity(entityRef, credentials);
    const { report } = entity;
    const waiver = await this.store.getWaiver(entityRef, waiverId);
    if (!waiver) {
      throw new NotFoundError(`No waiver ${waiverId} for ${entityRef}`);
    }
    await this.requireWaiverApprover(
      entityRef,
      report.tier?.level ?? null,
      credentials,
    );
    if (sameRef(waiver.requestedBy, credentials.principal.userEntityRef)) {
      throw new NotAllowedError(
        'You requested this waiver; someone else must approve or reject it',
      );
    }
    const now = this.now();
    if (decision === 'approved' && waiver.expiresAt <= now.toISOString()) {
      throw new ConflictError(
        `Waiver ${waiverId} expired on ${waiver.expiresAt}; request a new one`,
      );
    }
    const decided = await this.store.decideWaiver(
      this.writeContext(entityRef, credentials, now),
      { waiverId, status: decision, ...input },
    );
    await this.events?.waiverWritten(decided, eventContext(entity));
    return this.reevaluated(entityRef, credentials, decided);
  }

  async requestReview(
    entityRef: string,
    input: { comment: string | null; expectedVersion?: number },
    credentials: UserCredentials,
  ): Promise<ReviewWriteResult<Review>> {
    const entity = await this.loadEntity(entityRef, credentials);
    await this.requirePermission(
      reliabilityReviewRequestPermission,
      entityRef,
      credentials,
      'request reviews of',
    );
    this.requireInScope(entity);
    const review = await this.store.createReview(
      this.writeContext(entityRef, credentials, this.now()),
      input,
    );
    await this.events?.reviewWritten(review, eventContext(entity));
    return this.reevaluated(entityRef, credentials, review);
  }

  async decideReview(
    entityRef: string,
    reviewId: string,
    decision: 'signed-off' | 'rejected',
    input: { comment: string; expectedVersion: number },
    credentials: UserCredentials,
  ): Promise<ReviewWriteResult<Review>> {
    const entity = await this.loadEntity(entityRef, credentials);
    const { report } = entity;
    const review = await this.store.getReview(entityRef, reviewId);
    if (!review) {
      throw new NotFoundError(`No review ${reviewId} for ${entityRef}`);
    }
    await this.requirePermission(
      reliabilityReviewSignOffPermission,
      entityRef,
      credentials,
      'sign off reviews of',
    );
    if (sameRef(review.requestedBy, credentials.principal.userEntityRef)) {
      throw new NotAllowedError(
        'You requested this review; someone else must sign it off or reject it',
      );
    }
    const decided = await this.store.decideReview(
      this.writeContext(entityRef, credentials, this.now()),
      {
        reviewId,
        status: decision,
        snapshot: snapshotOfReport(report),
        ...input,
      },
    );
    await this.events?.reviewWritten(decided, eventContext(entity));
    return this.reevaluated(entityRef, credentials, decided);
  }

  async getLatestReview(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<LatestReviewResponse> {
    const { report } = await this.loadEntity(entityRef, credentials);
    const review = await this.store.getLatestReview(entityRef);
    const decided =
      review && review.status !== 'requested'
        ? review
        : await this.store.getLatestReview(entityRef, { decidedOnly: true });
    const current = snapshotOfReport(report);
    return {
      review: review ?? null,
      decided: decided ?? null,
      changes: decided?.snapshot
        ? diffCheckStates(decided.snapshot.checks, current.checks)
        : [],
      current: {
        score: current.score,
        verdict: current.verdict,
        evaluatedAt: current.evaluatedAt,
      },
    };
  }

  async listHistory(
    entityRef: string,
    query: { limit: number; cursor?: number },
    credentials: BackstageCredentials,
  ): Promise<ReviewHistoryPage> {
    await this.requireVisibleEntity(entityRef, credentials);
    const page = await this.store.listHistory(entityRef, {
      limit: query.limit,
      before: query.cursor,
    });
    return {
      items: page.items,
      nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
    };
  }

  /**
   * Approved waivers and current attestations that expire within `days`, soonest first, of
   * the entities the caller may see (at most `limit` of each kind are read).
   */
  async listExpiring(
    days: number,
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<ExpiringItem[]> {
    const now = this.now();
    const { waivers, attestations } = await this.store.listExpiringWithin({
      after: now.toISOString(),
      until: new Date(now.getTime() + days * DAY_MS).toISOString(),
      limit,
    });
    const daysLeft = (expiresAt: string) =>
      Math.max(0, Math.floor((Date.parse(expiresAt) - now.getTime()) / DAY_MS));
    const items: ExpiringItem[] = [
      ...waivers.map(waiver => ({
        type: 'waiver' as const,
        id: waiver.id,
        entityRef: waiver.entityRef,
        checkId: waiver.checkId,
        expiresAt: waiver.expiresAt,
        daysLeft: daysLeft(waiver.expiresAt),
        by: waiver.requestedBy,
      })),
      ...attestations.map(attestation => ({
        type: 'attestation' as const,
        id: attestation.id,
        entityRef: attestation.entityRef,
        checkId: attestation.checkId,
        expiresAt: attestation.expiresAt,
        daysLeft: daysLeft(attestation.expiresAt),
        by: attestation.attestedBy,
      })),
    ].sort(
      (a, b) =>
        a.expiresAt.localeCompare(b.expiresAt) ||
        a.entityRef.localeCompare(b.entityRef),
    );
    const refs = [...new Set(items.map(item => item.entityRef))];
    if (refs.length === 0) {
      return [];
    }
    // Read with the caller's credentials: nobody learns what expires on entities they cannot see.
    const { items: visible } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    const visibleRefs = new Set(refs.filter((_, index) => visible[index]));
    return items.filter(item => visibleRefs.has(item.entityRef));
  }

  private async requireVisibleEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    // Read with the caller's credentials: an entity the catalog hides from them is a 404.
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`Entity ${entityRef} not found in the catalog`);
    }
    return entity;
  }

  /** The visible entity's current report: the stored one, evaluated on demand the first time. */
  private async loadEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityContext> {
    const entity = await this.requireVisibleEntity(entityRef, credentials);
    return {
      entityRef,
      title: entity.metadata.title ?? null,
      report: await this.reports.getReport(entity),
    };
  }

  private requireInScope(entity: EntityContext): void {
    if (!entity.report.inScope) {
      throw new InputError(
        `Invalid entity: ${entity.entityRef} is outside the reliability policy's scope, so it has no checks to attest, waive or review`,
      );
    }
  }

  private async requirePermission(
    permission: ResourcePermission,
    entityRef: string,
    credentials: BackstageCredentials,
    action: string,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${action} ${entityRef} (permission ${permission.name})`,
      );
    }
  }

  /**
   * With an approver group configured for the entity's tier only its members approve;
   * otherwise the waiver-approve permission decides.
   */
  private async requireWaiverApprover(
    entityRef: string,
    tier: number | null,
    credentials: UserCredentials,
  ): Promise<void> {
    const group = approverGroupForTier(this.policy, tier);
    if (!group) {
      await this.requirePermission(
        reliabilityWaiverApprovePermission,
        entityRef,
        credentials,
        'approve or reject waivers of',
      );
      return;
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      credentials,
    );
    if (!isMemberOf(ownershipEntityRefs, group)) {
      throw new NotAllowedError(
        `Only members of ${group} may approve or reject waivers of ${
          tier === null ? 'untiered' : `tier-${tier}`
        } entities`,
      );
    }
  }

  private async allowedActions(
    entityRef: string,
    tier: number | null,
    credentials: BackstageCredentials,
  ): Promise<ReviewActions> {
    if ((credentials.principal as { type?: string }).type !== 'user') {
      return {
        attest: false,
        revokeAttestation: false,
        requestWaiver: false,
        approveWaiver: false,
        requestReview: false,
        signOffReview: false,
      };
    }
    const userCredentials = credentials as UserCredentials;
    const group = approverGroupForTier(this.policy, tier);
    const permissionByAction: Array<[keyof ReviewActions, ResourcePermission]> =
      Object.entries(ACTION_PERMISSIONS) as Array<
        [keyof ReviewActions, ResourcePermission]
      >;
    if (!group) {
      permissionByAction.push([
        'approveWaiver',
        reliabilityWaiverApprovePermission,
      ]);
    }
    const decisions = await this.permissions.authorize(
      permissionByAction.map(([, permission]) => ({
        permission,
        resourceRef: entityRef,
      })),
      { credentials: userCredentials },
    );
    const allowed = Object.fromEntries(
      permissionByAction.map(([action], index) => [
        action,
        decisions[index].result === AuthorizeResult.ALLOW,
      ]),
    ) as Partial<ReviewActions>;
    if (group) {
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        userCredentials,
      );
      allowed.approveWaiver = isMemberOf(ownershipEntityRefs, group);
    }
    return {
      attest: allowed.attest ?? false,
      revokeAttestation: allowed.revokeAttestation ?? false,
      requestWaiver: allowed.requestWaiver ?? false,
      approveWaiver: allowed.approveWaiver ?? false,
      requestReview: allowed.requestReview ?? false,
      signOffReview: allowed.signOffReview ?? false,
    };
  }

  private writeContext(
    entityRef: string,
    credentials: UserCredentials,
    at: Date,
  ): ReviewWriteContext {
    return {
      entityRef,
      actor: credentials.principal.userEntityRef,
      at: at.toISOString(),
    };
  }

  private async reevaluated<T>(
    entityRef: string,
    credentials: BackstageCredentials,
    result: T,
  ): Promise<ReviewWriteResult<T>> {
    try {
      const report = await this.evaluator.evaluateEntity(entityRef, {
        credentials,
      });
      return { result, report: report ?? null };
    } catch (error) {
      this.logger.warn(
        `Re-evaluating ${entityRef} after a review write failed: ${error}`,
      );
      return { result, report: null };
    }
  }
}

function eventContext(entity: EntityContext) {
  return { entityTitle: entity.title, tier: entity.report.tier?.level ?? null };
}

function sameRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}
