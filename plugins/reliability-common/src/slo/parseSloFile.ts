import type { SloParseResult } from '../types';
import { DEFAULT_SLO_FILE_MAX_BYTES, parseFiles } from './parseSloFiles';

export { DEFAULT_SLO_FILE_MAX_BYTES };

export interface ParseSloFileOptions {
  /** The file's location, used in problem messages and `Problem.file`. */
  file?: string;
  /** Files larger than this are reported and not parsed; default 1 MiB. */
  maxBytes?: number;
}

/**
 * Parses one SLO file: any mix of the documents parseSloFiles reads. Never throws. Invalid
 * SLOs are left out of `slos` and each problem is reported with its file, document index,
 * field path and a how-to-fix; the rest is still parsed.
 */
export function parseSloFile(
  text: string,
  options: ParseSloFileOptions = {},
): SloParseResult {
  return parseFiles([{ file: options.file, text }], {
    maxBytes: options.maxBytes ?? DEFAULT_SLO_FILE_MAX_BYTES,
  });
}
