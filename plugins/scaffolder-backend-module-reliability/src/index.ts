/**
 * Scaffolder actions of the Reliability Suite: services born ready.
 *
 * @packageDocumentation
 */
export { scaffolderModuleReliability as default } from './module';
export { createSloAction } from './actions/createSloAction';
export { createAnnotateAction } from './actions/annotateAction';
export { createGateDryRunAction } from './actions/gateDryRunAction';
