export {
  parseSloFile,
  DEFAULT_SLO_FILE_MAX_BYTES,
  type ParseSloFileOptions,
} from './parseSloFile';
export {
  parseDuration,
  type ParsedDuration,
  type DurationUnit,
} from './duration';
export { inferSliKind, isSliKind, SLI_KINDS } from './sliKind';
export { SLOTH_DEFAULT_WINDOW } from './sloth';
export { OPENSLO_DEFAULT_WINDOW } from './window';
export { parseSloFiles, type SloFileText } from './parseSloFiles';
export type { ParseSloFilesOptions } from './parseSloFiles';
