export {
  readEntityProfile,
  type ProfilePolicy,
  type ReadEntityProfileOptions,
} from './readEntityProfile';
export { resolveSloRef, type ResolvedSloRef } from './resolveSloRef';
export { isCalendarDate } from './reviewDate';
export type { ProfileTierDefinition } from './tier';
export { INTEGRATION_KEY_REFERENCE } from './onCall';
export { readOnCall } from './onCall';
