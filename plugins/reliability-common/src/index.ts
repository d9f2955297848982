export * from './types';
export * from './policy';
export * from './reviews';
export * from './permissions';
export * from './coverage';
export * from './annotations';
export * from './slo';
export * from './profile';
