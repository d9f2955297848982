import { FAILSAFE_SCHEMA, Type, loadAll } from 'js-yaml';
import { isDeclinedText } from './quickYamlGuards';

/**
 * js-yaml reads a typical SLO file about ten times faster than `yaml`, which parseSloFile
 * needs for the source positions in the problems it reports. So a file is first read with
 * js-yaml and, only when that reading raises no problem at all, its values are used as
 * they are; any problem sends the file through `yaml` again (see parseSloFile). For that
 * to be safe, js-yaml must read every text it accepts exactly as `yaml` does: this schema
 * resolves plain scalars with `yaml`'s own YAML 1.2 core schema rules (js-yaml's core
 * schema reads `0b101` as 5 and `+.5` as a string, where `yaml` does the opposite), and
 * `readDocumentsQuickly` declines the texts the two read differently (quickYamlGuards).
 */
/**
 * A plain-scalar type of yaml's core schema: each `[test, construct]` is one of its tags'
 * forms, tried in its order (js-yaml keeps one type per tag, so the forms share one).
 */
function plainScalar(
  tag: string,
  forms: Array<[RegExp, (text: string) => unknown]>,
): Type {
  const formOf = (data: unknown) =>
    typeof data === 'string'
      ? forms.find(([test]) => test.test(data))
      : undefined;
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: data => formOf(data) !== undefined,
    construct: data => formOf(data)![1](data),
  });
}

// The regular expressions and conversions of yaml's core schema (yaml/dist/schema/core).
const YAML_CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    plainScalar('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    plainScalar('bool', [
      [
        /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
        text => text[0] === 't' || text[0] === 'T',
      ],
    ]),
    plainScalar('int', [
      [/^0o[0-7]+$/, text => parseInt(text.substring(2), 8)],
      [/^[-+]?[0-9]+$/, text => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, text => parseInt(text.substring(2), 16)],
    ]),
    plainScalar('float', [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        text => {
          if (text.slice(-3).toLowerCase() === 'nan') {
            return NaN;
          }
          return text[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY;
        },
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/** A mapping key js-yaml made from a null key (`~: x`), which `yaml` turns into "". */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(hasNullKey);
  }
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (
        key === 'null' ||
        hasNullKey((value as Record<string, unknown>)[key])
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Each YAML document's value as `yaml`'s `parseAllDocuments(text)` and `toJS()` give it,
 * read by js-yaml, or undefined when the text is one js-yaml might read differently or
 * cannot read (a syntax error): the caller then reads it with `yaml`.
 */
export function readDocumentsQuickly(text: string): unknown[] | undefined {
  if (isDeclinedText(text)) {
    return undefined;
  }
  let documents: unknown[];
  try {
    documents = loadAll(text, undefined, { schema: YAML_CORE_SCHEMA });
  } catch {
    return undefined;
  }
  // A text of only comments is one null document to js-yaml and none to `yaml`; either
  // way it is an empty SLO file, a problem that the slow path reports.
  if (documents.every(document => document === null)) {
    return undefined;
  }
  return documents.some(hasNullKey) ? undefined : documents;
}
