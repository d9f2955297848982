export { reliabilityApiRef } from './ReliabilityApi';
export type { ReliabilityApi, ReliabilityGateResponse } from './ReliabilityApi';
export { ReliabilityClient } from './ReliabilityClient';
