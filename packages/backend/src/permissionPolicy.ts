import {
  coreServices,
  createBackendModule,
  type UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createReliabilityEntityConditionalDecision,
  reliabilityEntityConditions,
} from '@reliability-suite/plugin-reliability-backend';
import {
  RELIABILITY_ENTITY_RESOURCE_TYPE,
  reliabilityAttestationRevokePermission,
  reliabilityAttestPermission,
  reliabilityReviewRequestPermission,
  reliabilityReviewSignOffPermission,
  reliabilityWaiverApprovePermission,
  reliabilityWaiverRequestPermission,
} from '@reliability-suite/plugin-reliability-common';

/** The demo's approvers: members of this group approve waivers and sign off reviews. */
export const RELIABILITY_APPROVER_GROUP = 'group:default/sre-core';

/** What the team owning an entity may do on it. */
const OWNER_PERMISSIONS = [
  reliabilityAttestPermission,
  reliabilityAttestationRevokePermission,
  reliabilityWaiverRequestPermission,
  reliabilityReviewRequestPermission,
];

const APPROVER_PERMISSIONS = [
  reliabilityWaiverApprovePermission,
  reliabilityReviewSignOffPermission,
];

/**
 * The demo portal's roles, kept honest: everyone reads everything; the owning team (a
 * member of the entity's `spec.owner` group, resolved from the user's catalog memberships)
 * attests, revokes, requests waivers and reviews; members of `group:default/sre-core`
 * approve waivers and sign off reviews. Every other permission is allowed, as the
 * allow-all policy this replaces did.
 */
export class ReliabilityDemoPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly approverGroup: string = RELIABILITY_APPROVER_GROUP,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const isApproverPermission = APPROVER_PERMISSIONS.some(p =>
      isPermission(permission, p),
    );
    const isOwnerPermission = OWNER_PERMISSIONS.some(p =>
      isPermission(permission, p),
    );
    if (!isApproverPermission && !isOwnerPermission) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    if (isApproverPermission) {
      const wanted = this.approverGroup.toLocaleLowerCase('en-US');
      const member = ownershipEntityRefs.some(
        ref => ref.toLocaleLowerCase('en-US') === wanted,
      );
      return { result: member ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (!isResourcePermission(permission, RELIABILITY_ENTITY_RESOURCE_TYPE)) {
      return { result: AuthorizeResult.DENY };
    }
    return createReliabilityEntityConditionalDecision(
      permission,
      reliabilityEntityConditions.isEntityOwner({
        claims: ownershipEntityRefs,
      }),
    );
  }
}

/** Installs {@link ReliabilityDemoPermissionPolicy} as the permission backend's policy. */
export const reliabilityDemoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'reliability-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ReliabilityDemoPermissionPolicy(userInfo));
      },
    });
  },
});
