import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of the suite's per-entity permissions. The resource ref is the entity ref
 * (`component:default/checkout`), so a permission policy can decide per entity, e.g. allow
 * attesting only to members of the owning team.
 */
export const RELIABILITY_ENTITY_RESOURCE_TYPE = 'reliability-entity';

/** Record an attestation (evidence) for an attested check of an entity. */
export const reliabilityAttestPermission = createPermission({
  name: 'reliability.attestation.create',
  attributes: { action: 'create' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Revoke an entity's attestation. */
export const reliabilityAttestationRevokePermission = createPermission({
  name: 'reliability.attestation.revoke',
  attributes: { action: 'update' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Ask for a waiver of a check of an entity. */
export const reliabilityWaiverRequestPermission = createPermission({
  name: 'reliability.waiver.request',
  attributes: { action: 'create' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Approve, reject or revoke a waiver of a check of an entity. */
export const reliabilityWaiverApprovePermission = createPermission({
  name: 'reliability.waiver.approve',
  attributes: { action: 'update' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Open a readiness review of an entity. */
export const reliabilityReviewRequestPermission = createPermission({
  name: 'reliability.review.request',
  attributes: { action: 'create' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Sign off (approve or reject) a readiness review of an entity. */
export const reliabilityReviewSignOffPermission = createPermission({
  name: 'reliability.review.sign-off',
  attributes: { action: 'update' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Re-evaluate an entity now. */
export const reliabilityRefreshPermission = createPermission({
  name: 'reliability.entity.refresh',
  attributes: { action: 'update' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Read coverage figures across the organisation (not tied to one entity). */
export const reliabilityCoverageReadPermission = createPermission({
  name: 'reliability.coverage.read',
  attributes: { action: 'read' },
});

/** Every permission of the suite, for `permissionsRegistry.addPermissions`. */
export const reliabilityPermissions = [
  reliabilityAttestPermission,
  reliabilityAttestationRevokePermission,
  reliabilityWaiverRequestPermission,
  reliabilityWaiverApprovePermission,
  reliabilityReviewRequestPermission,
  reliabilityReviewSignOffPermission,
  reliabilityRefreshPermission,
  reliabilityCoverageReadPermission,
];
