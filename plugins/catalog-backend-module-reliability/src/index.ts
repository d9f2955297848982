/**
 * Catalog module of the Reliability Suite: validates `reliability/*` annotations and the
 * SLO files they point to, reporting problems on the entity without rejecting it.
 *
 * @packageDocumentation
 */
export { catalogModuleReliability as default } from './module';
export {
  ReliabilityAnnotationsProcessor,
  type ReliabilityAnnotationsProcessorOptions,
} from './ReliabilityAnnotationsProcessor';
export { toStatusItem, RELIABILITY_PROBLEM_ERROR_NAME } from './statusItems';
