export {
  SloFileReader,
  DEFAULT_SLO_CACHE_TTL_SECONDS,
  DEFAULT_SLO_READ_TIMEOUT_MS,
  DEFAULT_SLO_FILE_CHECK_INTERVAL_MS,
  DEFAULT_SLO_FOLDER_MAX_FILES,
  type SloFileReaderOptions,
  type SloReadResult,
  type SloSource,
  type LoadManyOptions,
} from './SloFileReader';
export { splitSloRefs, MAX_SLO_REFS } from './sloRefList';
export {
  resolveSloLocations,
  type SloLocation,
  type ResolvedSloLocation,
} from './resolveSloLocations';
