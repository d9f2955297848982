import type { NormalizedSlo, Problem, SloParseResult } from '../types';
import type { DocumentReporter, FieldPath } from './report';
import { isRecord } from './normalize';
import { ReadDocument, errorMessage, readYamlDocuments } from './readYaml';
import { SUPPORTED_HEADERS, SloFormat, detectFormat } from './formats';
import {
  OpenSloDocument,
  collectOpenSloDocuments,
  parseOpenSloSlo,
} from './openslo';
import { parseSlothDocument } from './sloth';
import { fillDataSourceTypes, toOpenSloV1 } from './opensloVersions';
import { toSlothDocument } from './slothKubernetes';
import { parsePyrraDocument } from './pyrra';
import { parseNobl9Document } from './nobl9';

/** SLO files above this size are not parsed (1 MiB). */
export const DEFAULT_SLO_FILE_MAX_BYTES = 1024 * 1024;

/** One SLO file's text and where it was read from. */
export interface SloFileText {
  /** The file's location, used in problem messages and `Problem.file`. */
  location: string;
  text: string;
}

export interface ParseSloFilesOptions {
  /**
   * Files larger than this are reported and not parsed. No limit by default: the SLO file
   * reader has already bounded each file's size while reading it.
   */
  maxBytes?: number;
}

/** An SLO read from a document, with what its duplicate check needs. */
export interface ParsedSlo {
  slo: NormalizedSlo;
  reporter: DocumentReporter;
  /** The path of the SLO's name in the document, for the duplicate problem. */
  namePath: FieldPath;
  file: string | undefined;
}

/**
 * Parses the SLO files of one entity together: OpenSLO `openslo/v1`, `openslo/v1alpha` and
 * `openslo.com/v2alpha`, Sloth `prometheus/v1` and `sloth.slok.dev/v1`, Pyrra
 * `pyrra.dev/v1alpha1` and Nobl9 `n9/v1alpha` documents, in any mix. OpenSLO
 * `indicatorRef`/`alertPolicyRef` resolve to SLI and AlertPolicy documents of any of the
 * files. Never throws: invalid SLOs are left out and each problem names its file, document,
 * field and a how-to-fix; the rest is still read.
 */
export function parseSloFiles(
  files: SloFileText[],
  options: ParseSloFilesOptions = {},
): SloParseResult {
  return parseFiles(
    files.map(({ location, text }) => ({ file: location, text })),
    options,
  );
}

/** parseSloFiles with the location optional, for parseSloFile's single text. */
export function parseFiles(
  files: Array<{ file: string | undefined; text: string }>,
  options: ParseSloFilesOptions,
): SloParseResult {
  const problems: Problem[] = [];
  try {
    return { slos: parse(files, options, problems), problems };
  } catch (error) {
    // A safety net: the readers report problems rather than throw.
    problems.push(
      fileProblem(
        files.length === 1 ? files[0].file : undefined,
        `could not be parsed: ${errorMessage(error)}`,
        'Check that the file is valid YAML with SLO documents of a supported format.',
      ),
    );
    return { slos: [], problems };
  }
}

/** What a file holds, for the problem of a file set without any SLO. */
interface FileContent {
  file: string | undefined;
  read: boolean;
  nonEmpty: number;
  sloDocuments: number;
  /** Other kinds found, e.g. `SLI` → [`checkout-good-requests`]. */
  kinds: Map<string, string[]>;
}

function parse(
  files: Array<{ file: string | undefined; text: string }>,
  options: ParseSloFilesOptions,
  problems: Problem[],
): NormalizedSlo[] {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const openSlo: OpenSloDocument[] = [];
  const parsed: ParsedSlo[] = [];
  const contents: FileContent[] = [];
  const later: Array<() => void> = [];

  for (const { file, text } of files) {
    const content: FileContent = {
      file,
      read: false,
      nonEmpty: 0,
      sloDocuments: 0,
      kinds: new Map(),
    };
    contents.push(content);
    if (typeof text !== 'string') {
      problems.push(fileProblem(file, 'is not text', 'Point to a YAML file.'));
      continue;
    }
    if (byteLength(text, maxBytes) > maxBytes) {
      problems.push(
        fileProblem(
          file,
          `is larger than ${maxBytes} bytes and was not parsed`,
          'Split the SLOs into smaller files, one per service, or raise reliability.sloFiles.maxBytes.',
        ),
      );
      continue;
    }
    content.read = true;
    const { documents, unreadable } = readYamlDocuments(text, file, problems);
    content.nonEmpty = unreadable;
    for (const document of documents) {
      if (document.value === null || document.value === undefined) {
        continue; // An empty document, e.g. after a trailing `---`.
      }
      content.nonEmpty++;
      const format = detectFormat(document.value);
      if (!format) {
        reportUnknownDocument(document);
        continue;
      }
      const value = document.value as Record<string, unknown>;
      const kind = typeof value.kind === 'string' ? value.kind : undefined;
      if (isSloDocument(format, kind)) {
        content.sloDocuments++;
      } else if (kind) {
        const name = isRecord(value.metadata) ? value.metadata.name : undefined;
        const names = content.kinds.get(kind) ?? [];
        if (typeof name === 'string') {
          names.push(name);
        }
        content.kinds.set(kind, names);
      }
      readDocument(format, document, { openSlo, parsed, later });
    }
  }

  fillDataSourceTypes(openSlo);
  const { definitions, sloDocuments } = collectOpenSloDocuments(openSlo);
  for (const document of sloDocuments) {
    for (const slo of parseOpenSloSlo(document, definitions)) {
      parsed.push({
        slo,
        reporter: document.reporter,
        namePath: ['metadata', 'name'],
        file: document.file,
      });
    }
  }
  later.forEach(run => run());
  reportFilesWithoutSlo(contents, problems);
  parsed.sort(
    (a, b) =>
      files.findIndex(f => f.file === a.file) -
        files.findIndex(f => f.file === b.file) ||
      a.slo.document - b.slo.document,
  );
  return dropDuplicates(parsed);
}

function isSloDocument(format: SloFormat, kind: string | undefined): boolean {
  if (format === 'sloth' || format === 'sloth-kubernetes') {
    return true;
  }
  if (format === 'pyrra') {
    return kind === 'ServiceLevelObjective';
  }
  return kind === 'SLO';
}

/** Routes a document to its format's reader; SLOs of non-OpenSLO formats are read later. */
function readDocument(
  format: SloFormat,
  document: ReadDocument,
  sinks: {
    openSlo: OpenSloDocument[];
    parsed: ParsedSlo[];
    later: Array<() => void>;
  },
): void {
  const value = document.value as Record<string, unknown>;
  const { reporter, file, index } = document;
  switch (format) {
    case 'openslo/v1':
      sinks.openSlo.push({ index, value, reporter, file });
      return;
    case 'openslo/v1alpha':
    case 'openslo.com/v2alpha': {
      const converted = toOpenSloV1(value, format, reporter);
      if (converted) {
        sinks.openSlo.push({ index, value: converted, reporter, file });
      }
      return;
    }
    case 'sloth':
    case 'sloth-kubernetes':
      sinks.later.push(() => {
        const sloth =
          format === 'sloth'
            ? { value, reporter }
            : toSlothDocument(value, reporter);
        if (!sloth) {
          return;
        }
        for (const slo of parseSlothDocument(
          { index, value: sloth.value },
          sloth.reporter,
        )) {
          sinks.parsed.push({
            slo,
            reporter: sloth.reporter,
            namePath: slothNamePath(sloth.value, slo.name),
            file,
          });
        }
      });
      return;
    case 'pyrra':
      sinks.later.push(() =>
        parsePyrraDocument(document).forEach(slo =>
          sinks.parsed.push({
            slo,
            reporter,
            namePath: ['metadata', 'name'],
            file,
          }),
        ),
      );
      return;
    case 'nobl9':
      sinks.later.push(() =>
        parseNobl9Document(document).forEach(slo =>
          sinks.parsed.push({
            slo,
            reporter,
            namePath: ['metadata', 'name'],
            file,
          }),
        ),
      );
      return;
    default:
      return;
  }
}

function reportUnknownDocument(document: ReadDocument): void {
  const value = document.value;
  const apiVersion =
    isRecord(value) && value.apiVersion !== undefined
      ? ` (apiVersion "${String(value.apiVersion)}")`
      : '';
  document.reporter.error(
    isRecord(value) && value.apiVersion !== undefined ? ['apiVersion'] : [],
    `document is in no SLO format this suite reads${apiVersion}; it is ignored`,
    `Start the document with one of: ${SUPPORTED_HEADERS.join('; ')}.`,
  );
}

/**
 * When no file of the set holds an SLO, each file that holds only other kinds (SLIs, alert
 * policies, data sources, services) says so: otherwise the entity would have no SLO and no
 * problem explaining why.
 */
function reportFilesWithoutSlo(
  contents: FileContent[],
  problems: Problem[],
): void {
  if (contents.some(content => content.sloDocuments > 0)) {
    return;
  }
  for (const content of contents) {
    if (!content.read) {
      continue;
    }
    if (content.nonEmpty === 0) {
      problems.push(
        fileProblem(
          content.file,
          'is empty: it has no YAML documents, or only comments',
          'Add at least one SLO: an OpenSLO `kind: SLO` document, a Sloth `version: prometheus/v1` document, a Pyrra ServiceLevelObjective or a Nobl9 SLO.',
        ),
      );
      continue;
    }
    if (content.kinds.size === 0) {
      continue; // Every document was reported as unreadable or of no known format.
    }
    const held = [...content.kinds.entries()]
      .map(
        ([kind, names]) =>
          `${names.length || 1} ${kind}${
            names.length ? ` (${names.join(', ')})` : ''
          }`,
      )
      .join(', ');
    problems.push(
      fileProblem(
        content.file,
        `holds no SLO, only ${held}: these define parts that SLOs use, but no kind: SLO document uses them`,
        'Add a `kind: SLO` document that references them (indicatorRef, alertPolicyRef), here or in another file listed in reliability/slo-ref.',
      ),
    );
  }
}

/**
 * Duplicates: an SLO is identified by its service and name (Sloth's own rule; several services
 * may each have an SLO `availability`). The first one counts, each later one is an error.
 */
function dropDuplicates(parsed: ParsedSlo[]): NormalizedSlo[] {
  const first = new Map<string, ParsedSlo>();
  const result: NormalizedSlo[] = [];
  for (const entry of parsed) {
    const { slo, reporter, namePath } = entry;
    const identity = `${slo.service ?? ''}\u0000${slo.name}`;
    const earlier = first.get(identity);
    if (earlier) {
      const where =
        earlier.file !== entry.file
          ? `${earlier.file ?? 'another file'} document ${earlier.slo.document}`
          : `document ${earlier.slo.document}`;
      reporter.error(
        namePath,
        `SLO name "${slo.name}"${
          slo.service !== undefined ? ` of service "${slo.service}"` : ''
        } is already used by ${where}; only the first counts`,
        'Give every SLO of a service a unique name.',
      );
      continue;
    }
    first.set(identity, entry);
    result.push(slo);
  }
  return result;
}

function slothNamePath(
  value: Record<string, unknown>,
  name: string,
): FieldPath {
  const slos = Array.isArray(value.slos) ? value.slos : [];
  const indexes = slos
    .map((slo, index) => (isRecord(slo) && slo.name === name ? index : -1))
    .filter(index => index >= 0);
  // With a duplicate inside one document, the later entry is the duplicate.
  const index = indexes[indexes.length - 1] ?? 0;
  return ['slos', index, 'name'];
}

function fileProblem(
  file: string | undefined,
  text: string,
  howToFix: string,
): Problem {
  return {
    severity: 'error',
    message: `${file ?? 'SLO file'} ${text}`,
    ...(file !== undefined && { file }),
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
