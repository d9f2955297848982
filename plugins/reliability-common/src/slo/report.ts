import { Document, LineCounter, isNode } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../types';

export type FieldPath = ReadonlyArray<string | number>;

/** `['spec', 'objectives', 0, 'target']` → `spec.objectives[0].target`. */
export function formatPath(path: FieldPath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') {
      return `${text}[${segment}]`;
    }
    return text ? `${text}.${segment}` : segment;
  }, '');
}

/**
 * Collects the problems of one YAML document. Every message starts with where the problem
 * is (`file:line`, and the SLO once its name is known) and names the field.
 */
export class DocumentReporter {
  /** Set once the SLO's name is known, e.g. `SLO "checkout-availability"`. */
  subject: string | undefined;

  constructor(
    private readonly sink: Problem[],
    private readonly options: {
      file?: string;
      document: number;
      yamlDocument?: Document;
      lineCounter?: LineCounter;
      /** Prepended to every reported path, e.g. `['slos', 2]` for a Sloth SLO. */
      basePath?: FieldPath;
      /** Field names as the file writes them, for a reader that renamed fields. */
      fieldNames?: Readonly<Record<string, string>>;
    },
  ) {}

  /**
   * This reporter, for a value whose fields were renamed before reading: each reported
   * path segment found in `fieldNames` is reported by its name in the file.
   */
  withFieldNames(
    fieldNames: Readonly<Record<string, string>>,
  ): DocumentReporter {
    const renamed = new DocumentReporter(this.sink, {
      ...this.options,
      fieldNames,
    });
    renamed.subject = this.subject;
    return renamed;
  }

  /** A reporter for a part of this document (its paths are relative to `basePath`). */
  child(basePath: FieldPath): DocumentReporter {
    const child = new DocumentReporter(this.sink, {
      ...this.options,
      basePath: [...(this.options.basePath ?? []), ...basePath],
    });
    child.subject = this.subject;
    return child;
  }

  error(path: FieldPath, text: string, howToFix: string): void {
    this.report('error', path, text, howToFix);
  }

  warning(path: FieldPath, text: string, howToFix: string): void {
    this.report('warning', path, text, howToFix);
  }

  /** Reports each zod issue as an error on its field. */
  zodIssues(issues: z.core.$ZodIssue[], howToFix: string): void {
    for (const issue of issues) {
      const path = issue.path.filter(
        (segment): segment is string | number => typeof segment !== 'symbol',
      );
      this.error(path, issue.message, howToFix);
    }
  }

  private report(
    severity: Problem['severity'],
    relativePath: FieldPath,
    text: string,
    howToFix: string,
  ): void {
    const names = this.options.fieldNames;
    const path = [...(this.options.basePath ?? []), ...relativePath].map(
      segment =>
        typeof segment === 'string' &&
        names &&
        Object.prototype.hasOwnProperty.call(names, segment)
          ? names[segment]
          : segment,
    );
    const formattedPath = formatPath(path);
    const line = this.lineOf(path);
    const where = `${this.options.file ?? 'SLO file'}${line ? `:${line}` : ''}`;
    const subject = this.subject ? ` ${this.subject}` : '';
    const field = formattedPath ? `${formattedPath}: ` : '';
    this.sink.push({
      severity,
      message: `${where}${subject}: ${field}${text}`,
      ...(this.options.file !== undefined && { file: this.options.file }),
      document: this.options.document,
      ...(formattedPath && { path: formattedPath }),
      howToFix,
    });
  }

  /** The 1-based line of the field, or of its closest existing parent. */
  private lineOf(path: FieldPath): number | undefined {
    const { yamlDocument, lineCounter } = this.options;
    if (!yamlDocument || !lineCounter) {
      return undefined;
    }
    for (let length = path.length; length >= 0; length--) {
      const node = length
        ? yamlDocument.getIn(path.slice(0, length), true)
        : yamlDocument.contents;
      if (isNode(node) && node.range) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return undefined;
  }
}
