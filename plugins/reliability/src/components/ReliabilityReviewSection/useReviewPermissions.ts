import { usePermission } from '@backstage/plugin-permission-react';
import {
  reliabilityAttestationRevokePermission,
  reliabilityAttestPermission,
  reliabilityReviewRequestPermission,
  reliabilityReviewSignOffPermission,
  reliabilityWaiverApprovePermission,
  reliabilityWaiverRequestPermission,
  type EntityReviewState,
  type ReviewActions,
} from '@reliability-suite/plugin-reliability-common';

/**
 * What the signed-in user may do on the entity, asked of the permission framework. Waiver
 * approval is the exception: when the policy names an approver group for the entity's tier,
 * group membership decides, and only the backend's review state knows it.
 */
export function useReviewPermissions(
  resourceRef: string,
  state: EntityReviewState | undefined,
): ReviewActions {
  const attest = usePermission({
    permission: reliabilityAttestPermission,
    resourceRef,
  });
  const revoke = usePermission({
    permission: reliabilityAttestationRevokePermission,
    resourceRef,
  });
  const requestWaiver = usePermission({
    permission: reliabilityWaiverRequestPermission,
    resourceRef,
  });
  const approveWaiver = usePermission({
    permission: reliabilityWaiverApprovePermission,
    resourceRef,
  });
  const requestReview = usePermission({
    permission: reliabilityReviewRequestPermission,
    resourceRef,
  });
  const signOff = usePermission({
    permission: reliabilityReviewSignOffPermission,
    resourceRef,
  });
  return {
    attest: attest.allowed,
    revokeAttestation: revoke.allowed,
    requestWaiver: requestWaiver.allowed,
    approveWaiver: state?.approverGroup
      ? state.allowed.approveWaiver
      : approveWaiver.allowed,
    requestReview: requestReview.allowed,
    signOffReview: signOff.allowed,
  };
}
