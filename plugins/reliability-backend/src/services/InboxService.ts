import type {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  reliabilityReviewSignOffPermission,
  reliabilityWaiverApprovePermission,
  type InboxItem,
  type InboxResponse,
  type ReliabilityPolicy,
} from '@reliability-suite/plugin-reliability-common';
import type { ReviewStore } from '../database/ReviewStore';
import { entityLabel } from '../domain/notifications';
import { approverGroupForTier, isMemberOf } from '../lib/reviewRules';
import type { ReportService } from './ReportService';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The approver inbox: every pending waiver and review the signed-in user may decide, by the
 * same rules as deciding it (the tier's approver group for waivers when the policy names one,
 * else the approve permission; the sign-off permission for reviews), never their own
 * requests, and only on entities the catalog shows them.
 */
export class InboxService {
  constructor(
    private readonly options: {
      store: Pick<ReviewStore, 'listPendingDecisions'>;
      policy: ReliabilityPolicy;
      catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      reports: Pick<ReportService, 'getReport'>;
      permissions: PermissionsService;
      userInfo: UserInfoService;
    },
  ) {}

  async getInbox(credentials: UserCredentials): Promise<InboxResponse> {
    const { store, catalog } = this.options;
    const me = lower(credentials.principal.userEntityRef);
    const pending = await store.listPendingDecisions();
    const waivers = pending.waivers.filter(w => lower(w.requestedBy) !== me);
    const reviews = pending.reviews.filter(r => lower(r.requestedBy) !== me);
    const refs = [
      ...new Set([...waivers, ...reviews].map(item => item.entityRef)),
    ];
    if (refs.length === 0) {
      return { items: [] };
    }
    // Read as the user: an entity the catalog hides from them is not in their inbox.
    const entities = new Map<string, Entity>();
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    for (const entity of items) {
      if (entity) {
        entities.set(lower(stringifyEntityRef(entity)), entity);
      }
    }
    const visible = refs.filter(ref => entities.has(ref));
    const tiers = new Map<string, number | null>();
    for (const ref of visible) {
      const report = await this.options.reports.getReport(entities.get(ref)!);
      tiers.set(ref, report.tier?.level ?? null);
    }
    const mayApproveWaiver = await this.waiverDeciders(
      visible,
      tiers,
      credentials,
    );
    const maySignOff = await this.allowedRefs(
      reliabilityReviewSignOffPermission,
      visible,
      credentials,
    );
    const decidable = [
      ...waivers.filter(w => mayApproveWaiver.has(w.entityRef)),
      ...reviews.filter(r => maySignOff.has(r.entityRef)),
    ];
    const names = await this.displayNames(
      decidable.map(item => item.requestedBy),
    );
    const title = (ref: string) =>
      entityLabel(ref, entities.get(ref)?.metadata.title);
    const checkTitle = (id: string) =>
      this.options.policy.checks.find(check => check.id === id)?.title ?? id;
    const inbox: InboxItem[] = [
      ...waivers
        .filter(w => mayApproveWaiver.has(w.entityRef))
        .map(w => ({
          type: 'waiver' as const,
          id: w.id,
          entityRef: w.entityRef,
          entityTitle: title(w.entityRef),
          checkId: w.checkId,
          checkTitle: checkTitle(w.checkId),
          requestedBy: w.requestedBy,
          requesterName: names.get(lower(w.requestedBy)) ?? w.requestedBy,
          requestedAt: w.requestedAt,
          justification: w.justification,
          expiresAt: w.expiresAt,
          version: w.version,
        })),
      ...reviews
        .filter(r => maySignOff.has(r.entityRef))
        .map(r => ({
          type: 'review' as const,
          id: r.id,
          entityRef: r.entityRef,
          entityTitle: title(r.entityRef),
          checkId: null,
          checkTitle: null,
          requestedBy: r.requestedBy,
          requesterName: names.get(lower(r.requestedBy)) ?? r.requestedBy,
          requestedAt: r.requestedAt,
          justification: r.requestComment,
          expiresAt: null,
          version: r.version,
        })),
    ];
    inbox.sort(
      (a, b) =>
        a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id),
    );
    return { items: inbox };
  }

  /** Entities whose waivers the user may decide. */
  private async waiverDeciders(
    refs: string[],
    tiers: Map<string, number | null>,
    credentials: UserCredentials,
  ): Promise<Set<string>> {
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      credentials,
    );
    const allowed = new Set<string>();
    const byPermission: string[] = [];
    for (const ref of refs) {
      const group = approverGroupForTier(
        this.options.policy,
        tiers.get(ref) ?? null,
      );
      if (!group) {
        byPermission.push(ref);
      } else if (isMemberOf(ownershipEntityRefs, group)) {
        allowed.add(ref);
      }
    }
    for (const ref of await this.allowedRefs(
      reliabilityWaiverApprovePermission,
      byPermission,
      credentials,
    )) {
      allowed.add(ref);
    }
    return allowed;
  }

  private async allowedRefs(
    permission:
      | typeof reliabilityWaiverApprovePermission
      | typeof reliabilityReviewSignOffPermission,
    refs: string[],
    credentials: UserCredentials,
  ): Promise<Set<string>> {
    if (refs.length === 0) {
      return new Set();
    }
    const decisions = await this.options.permissions.authorize(
      refs.map(resourceRef => ({ permission, resourceRef })),
      { credentials },
    );
    return new Set(
      refs.filter(
        (_, index) => decisions[index].result === AuthorizeResult.ALLOW,
      ),
    );
  }

  /** Display names of users (their profile's, else their title or name). */
  private async displayNames(userRefs: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(userRefs.map(lower))];
    const names = new Map<string, string>();
    if (unique.length === 0) {
      return names;
    }
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: unique,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile.displayName',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    for (const user of items) {
      if (user) {
        const profile = (user.spec?.profile ?? {}) as { displayName?: string };
        names.set(
          lower(stringifyEntityRef(user)),
          profile.displayName || user.metadata.title || user.metadata.name,
        );
      }
    }
    return names;
  }
}
