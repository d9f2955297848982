export * from './types';
export * from './policy';
export * from './reviews';
export * from './permissions';
