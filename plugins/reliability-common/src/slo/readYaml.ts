import { LineCounter, parseAllDocuments, YAMLError } from 'yaml';
import type { Problem } from '../types';
import { DocumentReporter } from './report';
import { isRecord } from './normalize';

/** One object of an SLO file, with the reporter that locates its problems. */
export interface ReadDocument {
  /** The file's location, as given. */
  file: string | undefined;
  /** The 0-based YAML document index in the file. */
  index: number;
  value: unknown;
  reporter: DocumentReporter;
}

export interface ReadFile {
  documents: ReadDocument[];
  /** Documents that could not be read at all (syntax errors, alias bombs). */
  unreadable: number;
}

/**
 * Reads every YAML document of a file. A document that is a list of objects (as the OpenSLO
 * SDK writes them) gives one entry per item; its problems point to `[i].field`. Keys whose
 * value is null are dropped, as the formats' own (Go) readers do: `alertPolicies:` with
 * nothing after it means no alert policies, not an invalid SLO.
 */
export function readYamlDocuments(
  text: string,
  file: string | undefined,
  problems: Problem[],
): ReadFile {
  const lineCounter = new LineCounter();
  const documents: ReadDocument[] = [];
  let unreadable = 0;
  Array.from(parseAllDocuments(text, { lineCounter })).forEach(
    (yamlDocument, index) => {
      const reporter = new DocumentReporter(problems, {
        file,
        document: index,
        yamlDocument,
        lineCounter,
      });
      if (yamlDocument.errors.length > 0) {
        unreadable++;
        problems.push(syntaxProblem(yamlDocument.errors, index, file));
        return;
      }
      let value: unknown;
      try {
        value = withoutNullKeys(yamlDocument.toJS({ maxAliasCount: 100 }));
      } catch (error) {
        unreadable++;
        reporter.error(
          [],
          `could not be read: ${errorMessage(error)}`,
          'Remove excessive YAML aliases or anchors.',
        );
        return;
      }
      if (Array.isArray(value) && value.some(isRecord)) {
        value.forEach((item, itemIndex) =>
          documents.push({
            file,
            index,
            value: item,
            reporter: reporter.child([itemIndex]),
          }),
        );
        return;
      }
      documents.push({ file, index, value, reporter });
    },
  );
  return { documents, unreadable };
}

/** A copy without the object keys whose value is null or undefined, at any depth. */
export function withoutNullKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNullKeys);
  }
  if (!isRecord(value)) {
    return value;
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && item !== undefined) {
      result[key] = withoutNullKeys(item);
    }
  }
  return result;
}

/**
 * The first syntax error of a document: the ones after it usually follow from it, so they
 * are counted rather than listed.
 */
function syntaxProblem(
  errors: YAMLError[],
  document: number,
  file: string | undefined,
): Problem {
  const [first] = errors;
  const position = first.linePos?.[0];
  const where = `${file ?? 'SLO file'}${position ? `:${position.line}` : ''}`;
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
    ...(file !== undefined && { file }),
    document,
    howToFix: `Fix the YAML syntax${
      position ? ` at line ${position.line}` : ''
    }; a YAML linter shows the exact spot. The other documents of the file are still read.`,
  };
}

export function errorMessage(error: unknown): string {
  // Not `instanceof Error`: errors from another realm (vm, jest) fail that test.
  return typeof (error as Error)?.message === 'string'
    ? (error as Error).message
    : String(error);
}
