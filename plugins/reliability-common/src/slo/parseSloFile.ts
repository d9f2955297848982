import { LineCounter, parseAllDocuments, YAMLError } from 'yaml';
import type { NormalizedSlo, Problem, SloParseResult } from '../types';
import { DocumentReporter } from './report';
import { isRecord } from './normalize';
import { readDocumentsQuickly } from './quickYaml';
import {
  OpenSloDocument,
  collectOpenSloDocuments,
  parseOpenSloSlo,
} from './openslo';
import { SLOTH_VERSION, parseSlothDocument } from './sloth';

/** SLO files above this size are not parsed (1 MiB). */
export const DEFAULT_SLO_FILE_MAX_BYTES = 1024 * 1024;

export interface ParseSloFileOptions {
  /** The file's location, used in problem messages and `Problem.file`. */
  file?: string;
  /** Files larger than this are reported and not parsed; default 1 MiB. */
  maxBytes?: number;
}

/**
 * Parses one SLO file: any mix of OpenSLO `openslo/v1` and Sloth `prometheus/v1` YAML
 * documents. Never throws. Invalid SLOs are left out of `slos` and each problem is reported
 * with its file, document index, field path and a how-to-fix; the rest is still parsed.
 */
export function parseSloFile(
  text: string,
  options: ParseSloFileOptions = {},
): SloParseResult {
  return parseSafely(text, options, true);
}

/**
 * parseSloFile reading every file with `yaml`, without trying js-yaml first: the tests
 * compare the two. Not exported from the package.
 */
export function parseSloFileWithYaml(
  text: string,
  options: ParseSloFileOptions = {},
): SloParseResult {
  return parseSafely(text, options, false);
}

function parseSafely(
  text: string,
  options: ParseSloFileOptions,
  quickly: boolean,
): SloParseResult {
  const problems: Problem[] = [];
  try {
    return { slos: parse(text, options, problems, quickly), problems };
  } catch (error) {
    // A safety net: the parsers report problems rather than throw.
    problems.push(
      fileProblem(
        options,
        `could not be parsed: ${errorMessage(error)}`,
        'Check that the file is valid YAML with OpenSLO or Sloth documents.',
      ),
    );
    return { slos: [], problems };
  }
}

/** A document's value, with the reporter for its problems. */
interface ReadDocument {
  index: number;
  value: unknown;
  reporter: DocumentReporter;
}

function parse(
  text: string,
  options: ParseSloFileOptions,
  problems: Problem[],
  quickly: boolean,
): NormalizedSlo[] {
  const maxBytes = options.maxBytes ?? DEFAULT_SLO_FILE_MAX_BYTES;
  if (typeof text !== 'string') {
    problems.push(fileProblem(options, 'is not text', 'Point to a YAML file.'));
    return [];
  }
  const size = byteLength(text, maxBytes);
  if (size > maxBytes) {
    problems.push(
      fileProblem(
        options,
        `is larger than ${maxBytes} bytes and was not parsed`,
        'Split the SLOs into smaller files, one per service, or raise reliability.sloFiles.maxBytes.',
      ),
    );
    return [];
  }

  // The fast path counts only when the file has no problem at all: a problem's message
  // needs the line of its field, which only `yaml`'s reading gives.
  const quick = quickly ? readDocumentsQuickly(text) : undefined;
  if (quick) {
    const quickProblems: Problem[] = [];
    const documents = quick.map((value, index) => ({
      index,
      value,
      reporter: new DocumentReporter(quickProblems, {
        file: options.file,
        document: index,
      }),
    }));
    const slos = interpret(documents, 0, options, quickProblems);
    if (quickProblems.length === 0) {
      return slos;
    }
  }

  const lineCounter = new LineCounter();
  const documents: ReadDocument[] = [];
  let unreadable = 0;
  Array.from(parseAllDocuments(text, { lineCounter })).forEach(
    (yamlDocument, index) => {
      const reporter = new DocumentReporter(problems, {
        file: options.file,
        document: index,
        yamlDocument,
        lineCounter,
      });
      if (yamlDocument.errors.length > 0) {
        unreadable++;
        problems.push(syntaxProblem(yamlDocument.errors, index, options));
        return;
      }
      try {
        documents.push({
          index,
          value: yamlDocument.toJS({ maxAliasCount: 100 }),
          reporter,
        });
      } catch (error) {
        unreadable++;
        reporter.error(
          [],
          `could not be read: ${errorMessage(error)}`,
          'Remove excessive YAML aliases or anchors.',
        );
      }
    },
  );
  return interpret(documents, unreadable, options, problems);
}

/** The SLOs of a file's documents; `unreadable` documents could not be read at all. */
function interpret(
  documents: ReadDocument[],
  unreadable: number,
  options: ParseSloFileOptions,
  problems: Problem[],
): NormalizedSlo[] {
  const openSlo: OpenSloDocument[] = [];
  const sloth: Array<OpenSloDocument> = [];
  let nonEmpty = unreadable;
  for (const { index, value, reporter } of documents) {
    if (value === null || value === undefined) {
      continue; // An empty document, e.g. after a trailing `---`.
    }
    nonEmpty++;
    if (
      isRecord(value) &&
      typeof value.apiVersion === 'string' &&
      value.apiVersion.startsWith('openslo/')
    ) {
      openSlo.push({ index, value, reporter });
    } else if (isRecord(value) && value.version === SLOTH_VERSION) {
      sloth.push({ index, value, reporter });
    } else {
      reporter.error(
        [],
        'document is neither OpenSLO (apiVersion: openslo/v1) nor Sloth (version: prometheus/v1); it is ignored',
        'Start the document with `apiVersion: openslo/v1` and a kind (SLO, SLI, AlertPolicy), or with `version: prometheus/v1` for Sloth.',
      );
    }
  }

  if (nonEmpty === 0) {
    problems.push(
      fileProblem(
        options,
        'is empty: it has no YAML documents, or only comments',
        'Add at least one OpenSLO `kind: SLO` document or a Sloth `version: prometheus/v1` document.',
      ),
    );
    return [];
  }

  const { definitions, sloDocuments } = collectOpenSloDocuments(openSlo);
  const parsed: Array<{
    slo: NormalizedSlo;
    reporter: DocumentReporter;
    namePath: (string | number)[];
  }> = [];
  for (const document of sloDocuments) {
    for (const slo of parseOpenSloSlo(document, definitions)) {
      parsed.push({
        slo,
        reporter: document.reporter,
        namePath: ['metadata', 'name'],
      });
    }
  }
  for (const document of sloth) {
    parseSlothDocument(document, document.reporter).forEach(slo =>
      parsed.push({
        slo,
        reporter: document.reporter,
        namePath: slothNamePath(document.value, slo.name),
      }),
    );
  }
  parsed.sort((a, b) => a.slo.document - b.slo.document);
  return dropDuplicates(parsed);
}

/** Duplicate names: the first SLO counts, each later one is an error. */
function dropDuplicates(
  parsed: Array<{
    slo: NormalizedSlo;
    reporter: DocumentReporter;
    namePath: (string | number)[];
  }>,
): NormalizedSlo[] {
  const firstByName = new Map<string, NormalizedSlo>();
  const result: NormalizedSlo[] = [];
  for (const { slo, reporter, namePath } of parsed) {
    const first = firstByName.get(slo.name);
    if (first) {
      reporter.error(
        namePath,
        `SLO name "${slo.name}" is already used by document ${first.document}; only the first counts`,
        'Give every SLO in the file a unique name.',
      );
      continue;
    }
    firstByName.set(slo.name, slo);
    result.push(slo);
  }
  return result;
}

function slothNamePath(
  value: Record<string, unknown>,
  name: string,
): (string | number)[] {
  const slos = Array.isArray(value.slos) ? value.slos : [];
  const indexes = slos
    .map((slo, index) => (isRecord(slo) && slo.name === name ? index : -1))
    .filter(index => index >= 0);
  // With a duplicate inside one document, the later entry is the duplicate.
  const index = indexes[indexes.length - 1] ?? 0;
  return ['slos', index, 'name'];
}

/**
 * The first syntax error of a document: the ones after it usually follow from it, so they
 * are counted rather than listed.
 */
function syntaxProblem(
  errors: YAMLError[],
  document: number,
  options: ParseSloFileOptions,
): Problem {
  const [first] = errors;
  const position = first.linePos?.[0];
  const where = `${options.file ?? 'SLO file'}${
    position ? `:${position.line}` : ''
  }`;
  const column = position ? ` (column ${position.col})` : '';
  // yaml appends " at line L, column C:" and a code excerpt; the position is already shown.
  const what = first.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
  const more =
    errors.length > 1
      ? `; ${errors.length - 1} more error${
          errors.length > 2 ? 's' : ''
        } in this document may follow from it`
      : '';
  return {
    severity: 'error',
    message: `${where}: YAML syntax error${column}: ${what}${more}`,
    ...(options.file !== undefined && { file: options.file }),
    document,
    howToFix: `Fix the YAML syntax${
      position ? ` at line ${position.line}` : ''
    }; a YAML linter shows the exact spot. The other documents of the file are still read.`,
  };
}

function fileProblem(
  options: ParseSloFileOptions,
  text: string,
  howToFix: string,
): Problem {
  return {
    severity: 'error',
    message: `${options.file ?? 'SLO file'} ${text}`,
    ...(options.file !== undefined && { file: options.file }),
    howToFix,
  };
}

/** UTF-8 size, without encoding more than needed to know it exceeds `limit`. */
function byteLength(text: string, limit: number): number {
  if (text.length > limit) {
    return text.length; // Every character takes at least one byte.
  }
  return new TextEncoder().encode(text).length;
}

function errorMessage(error: unknown): string {
  // Not `instanceof Error`: errors from another realm (vm, jest) fail that test.
  return typeof (error as Error)?.message === 'string'
    ? (error as Error).message
    : String(error);
}
