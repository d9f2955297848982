import {
  isCreatePermission,
  isReadPermission,
  isResourcePermission,
  isUpdatePermission,
} from '@backstage/plugin-permission-common';
import {
  RELIABILITY_ENTITY_RESOURCE_TYPE,
  reliabilityAttestPermission,
  reliabilityAttestationRevokePermission,
  reliabilityCoverageReadPermission,
  reliabilityPermissions,
  reliabilityRefreshPermission,
  reliabilityReviewRequestPermission,
  reliabilityReviewSignOffPermission,
  reliabilityWaiverApprovePermission,
  reliabilityWaiverRequestPermission,
} from './permissions';

describe('permissions', () => {
  it('uses the reliability-entity resource type', () => {
    expect(RELIABILITY_ENTITY_RESOURCE_TYPE).toBe('reliability-entity');
  });

  it.each([
    ['reliability.attestation.create', reliabilityAttestPermission, 'create'],
    [
      'reliability.attestation.revoke',
      reliabilityAttestationRevokePermission,
      'update',
    ],
    [
      'reliability.waiver.request',
      reliabilityWaiverRequestPermission,
      'create',
    ],
    [
      'reliability.waiver.approve',
      reliabilityWaiverApprovePermission,
      'update',
    ],
    [
      'reliability.review.request',
      reliabilityReviewRequestPermission,
      'create',
    ],
    [
      'reliability.review.sign-off',
      reliabilityReviewSignOffPermission,
      'update',
    ],
    ['reliability.entity.refresh', reliabilityRefreshPermission, 'update'],
  ])('%s is an entity resource permission', (name, permission, action) => {
    expect(permission.name).toBe(name);
    expect(permission.attributes.action).toBe(action);
    expect(
      isResourcePermission(permission, RELIABILITY_ENTITY_RESOURCE_TYPE),
    ).toBe(true);
    expect(
      action === 'create'
        ? isCreatePermission(permission)
        : isUpdatePermission(permission),
    ).toBe(true);
  });

  it('makes coverage a basic read permission', () => {
    expect(reliabilityCoverageReadPermission.type).toBe('basic');
    expect(isReadPermission(reliabilityCoverageReadPermission)).toBe(true);
    expect(reliabilityCoverageReadPermission.name).toBe(
      'reliability.coverage.read',
    );
  });

  it('lists every permission once, with unique names', () => {
    expect(reliabilityPermissions).toHaveLength(8);
    expect(new Set(reliabilityPermissions.map(p => p.name)).size).toBe(8);
  });
});
