import type { SloParseResult } from '../types';
import { parseSloFile } from './parseSloFile';

/** One SLO file's text and where it was read from. */
export interface SloFileText {
  location: string;
  text: string;
}

/**
 * Parses every file an entity's `reliability/slo-ref` names, as one set of SLOs. The
 * reader has already bounded each file's size, so no second limit is applied here.
 */
export function parseSloFiles(files: SloFileText[]): SloParseResult {
  const result: SloParseResult = { slos: [], problems: [] };
  for (const { location, text } of files) {
    const parsed = parseSloFile(text, {
      file: location,
      maxBytes: Number.POSITIVE_INFINITY,
    });
    result.slos.push(...parsed.slos);
    result.problems.push(
      ...parsed.problems.map(problem => ({ ...problem, file: location })),
    );
  }
  return result;
}
