export * from './types';
export * from './links';
export * from './readinessRegression';
export * from './approvals';
export * from './expiry';
export * from './reviewDue';
export * from './coverageTarget';
export * from './sloStatus';
