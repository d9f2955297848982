export * from './types';
export {
  handoffAt,
  onCallAt,
  onCallUntil,
  segmentsBetween,
  shiftIndexAt,
  type Rotation,
  type RotationSegment,
} from './rotation';
export { parseShift } from './shift';
export {
  parseRotationsConfig,
  RotationConfigError,
} from './parseRotationsConfig';
export {
  liveFromRotation,
  ONCALL_HORIZON_MS,
  type PersonDetails,
} from './rotationLive';
export { countPeople, earliest, gapsOf } from './summary';
export {
  fromNaive,
  isValidTimeZone,
  offsetAt,
  parseNaive,
  toNaive,
} from './zonedTime';
export {
  liveFromVendorEntries,
  notConfiguredLive,
  unavailableLive,
  type PeopleByEmail,
  type VendorOnCallEntry,
  type VendorPerson,
} from './vendorLive';
