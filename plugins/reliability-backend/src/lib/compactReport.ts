import type {
  CheckResult,
  ReliabilityPolicy,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import { endOfString, endOfValue, memberValueStart } from './jsonText';

type CheckDefinition = ReliabilityPolicy['checks'][number];

/**
 * How a check is stored: only what differs per entity. Title, area, kind and rationale
 * always come from the policy, and `howToFix` too when it is the policy's text (it is for
 * nearly every check), so they are written once in the policy instead of in every row.
 */
type StoredCheck = Omit<
  CheckResult,
  'title' | 'area' | 'kind' | 'rationale' | 'howToFix'
> &
  Partial<Pick<CheckResult, 'title' | 'howToFix'>>;

/**
 * What expanding puts into a stored check of one policy check, as JSON text: its
 * `howToFix` when the row has none, and everything from `title` to `rationale`.
 */
interface ExpandedTexts {
  howToFix: string;
  /** `,"title":…,"area":…,"kind":…` and `,"rationale":…` when the policy has one. */
  titleToRationale: string;
}

/**
 * How every stored check starts (evaluateEntity sets these first): the keys before which
 * #expand puts nothing, each with the `"` or `,"` before it.
 */
const LEADING_KEYS = [
  '{"id":',
  ',"state":',
  ',"required":',
  ',"blocking":',
  ',"message":',
];

/**
 * Policy texts that a stored check never has without a title: #expand's object literal
 * would put a stored one in the policy text's place, so those checks are left to it.
 */
const POLICY_KEYS = new Set(['"area"', '"kind"', '"rationale"']);

function expandedTexts(
  definition: CheckDefinition | undefined,
  idJson: string,
): ExpandedTexts {
  const title =
    definition?.title !== undefined && definition.title !== null
      ? JSON.stringify(definition.title)
      : idJson;
  const rationale =
    definition?.rationale === undefined
      ? ''
      : `,"rationale":${JSON.stringify(definition.rationale)}`;
  return {
    howToFix: JSON.stringify(definition?.howToFix ?? ''),
    titleToRationale: `,"title":${title},"area":${JSON.stringify(
      definition?.area ?? 'Other',
    )},"kind":${JSON.stringify(definition?.kind ?? 'automatic')}${rationale}`,
  };
}

/**
 * Turns reports into their stored JSON and back. The stored form is the report with its
 * checks' static texts left out; expanding it gives back the same JSON, key for key, that
 * serialising the full report gives. Rows written whole (before this form existed) expand
 * to themselves: a stored check that has a `title` is taken as it is.
 */
export class ReportCodec {
  readonly #definitions: Map<string, CheckDefinition>;
  /** The texts each policy check's expansion adds, by the JSON text of its id. */
  readonly #textsByIdJson: Map<string, ExpandedTexts>;

  constructor(policy: Pick<ReliabilityPolicy, 'checks'>) {
    this.#definitions = new Map(policy.checks.map(check => [check.id, check]));
    this.#textsByIdJson = new Map(
      [...this.#definitions].map(([id, definition]) => {
        const idJson = JSON.stringify(id);
        return [idJson, expandedTexts(definition, idJson)];
      }),
    );
  }

  /** The stored JSON of a report without its `evaluatedAt`. */
  encodeBody(report: Omit<ReliabilityReport, 'evaluatedAt'>): string {
    if (!report.readiness) {
      return JSON.stringify(report);
    }
    const checks = report.readiness.checks.map(check => this.#compact(check));
    return JSON.stringify({
      ...report,
      readiness: { ...report.readiness, checks },
    });
  }

  /** The full report of stored JSON. */
  decode(json: string): ReliabilityReport {
    const report = JSON.parse(json) as ReliabilityReport;
    if (report.readiness) {
      report.readiness.checks = report.readiness.checks.map(check =>
        this.#expand(check as StoredCheck),
      );
    }
    return report;
  }

  /**
   * The JSON of the full report of stored JSON: the same text as
   * `JSON.stringify(decode(json))`, made by splicing the policy's texts into the stored
   * text instead of parsing and re-serialising it (several times faster, and it is what
   * the report endpoint sends). Stored JSON is what encodeBody wrote; text in any other
   * shape, or a check the splice does not cover, goes through decode.
   */
  expandJson(json: string): string {
    return this.#spliceExpanded(json) ?? JSON.stringify(this.decode(json));
  }

  #spliceExpanded(json: string): string | undefined {
    if (json.charCodeAt(0) !== 0x7b) {
      return undefined;
    }
    const readiness = memberValueStart(json, 1, '"readiness"');
    if (readiness === undefined) {
      return undefined;
    }
    if (json.startsWith('null', readiness)) {
      // Out of scope: decode changes nothing.
      return json;
    }
    if (json.charCodeAt(readiness) !== 0x7b) {
      return undefined;
    }
    const checks = memberValueStart(json, readiness + 1, '"checks"');
    if (checks === undefined || json.charCodeAt(checks) !== 0x5b) {
      return undefined;
    }
    let expanded = json.slice(0, checks + 1);
    let index = checks + 1;
    if (json.charCodeAt(index) === 0x5d) {
      return json;
    }
    for (;;) {
      const check = this.#spliceExpandedCheck(json, index);
      if (!check) {
        return undefined;
      }
      expanded += check.text;
      const next = json.charCodeAt(check.end);
      if (next === 0x5d) {
        return expanded + json.slice(check.end);
      }
      if (next !== 0x2c) {
        return undefined;
      }
      expanded += ',';
      index = check.end + 1;
    }
  }

  /**
   * #expand of the stored check at `start`, as text, and the index after it; undefined
   * for a check that does not start as evaluateEntity writes checks, or that has one of
   * the policy's texts but no title (left to #expand, whose object literal decides).
   */
  #spliceExpandedCheck(
    json: string,
    start: number,
  ): { text: string; end: number } | undefined {
    let index = start;
    let idEnd = 0;
    for (const key of LEADING_KEYS) {
      if (!json.startsWith(key, index)) {
        return undefined;
      }
      index = endOfValue(json, index + key.length);
      if (idEnd === 0) {
        idEnd = index;
      }
    }
    const leadingEnd = index;
    let howToFix: string | undefined;
    let perEntity = '';
    for (;;) {
      const next = json.charCodeAt(index);
      if (next === 0x7d) {
        break;
      }
      if (next !== 0x2c || json.charCodeAt(index + 1) !== 0x22) {
        return undefined;
      }
      const keyEnd = endOfString(json, index + 1);
      const valueEnd = endOfValue(json, keyEnd + 1);
      const key = json.slice(index + 1, keyEnd);
      if (key === '"title"') {
        // Stored whole.
        const end = endOfValue(json, start);
        return { text: json.slice(start, end), end };
      }
      if (key === '"howToFix"') {
        howToFix = json.slice(keyEnd + 1, valueEnd);
      } else if (POLICY_KEYS.has(key)) {
        return undefined;
      } else {
        perEntity += json.slice(index, valueEnd);
      }
      index = valueEnd;
    }
    const idJson = json.slice(start + LEADING_KEYS[0].length, idEnd);
    const texts =
      this.#textsByIdJson.get(idJson) ?? expandedTexts(undefined, idJson);
    const text = `${json.slice(start, leadingEnd)},"howToFix":${
      howToFix !== undefined && howToFix !== 'null' ? howToFix : texts.howToFix
    }${texts.titleToRationale}${perEntity}}`;
    return { text, end: index + 1 };
  }

  #compact(check: CheckResult): StoredCheck {
    const definition = this.#definitions.get(check.id);
    if (
      !definition ||
      check.title !== definition.title ||
      check.area !== definition.area ||
      check.kind !== definition.kind ||
      check.rationale !== definition.rationale
    ) {
      // Texts the policy cannot give back (a check it does not define): stored whole.
      return check;
    }
    const { title, area, kind, rationale, howToFix, ...perEntity } = check;
    return howToFix === definition.howToFix
      ? perEntity
      : { ...perEntity, howToFix };
  }

  #expand(stored: StoredCheck): CheckResult {
    if (stored.title !== undefined) {
      return stored as CheckResult;
    }
    const definition = this.#definitions.get(stored.id);
    const { id, state, required, blocking, message, howToFix, ...optional } =
      stored;
    // Key order as evaluateEntity builds a check, so the JSON matches a fresh report's.
    return {
      id,
      state,
      required,
      blocking,
      message,
      howToFix: howToFix ?? definition?.howToFix ?? '',
      title: definition?.title ?? id,
      area: definition?.area ?? 'Other',
      kind: definition?.kind ?? 'automatic',
      rationale: definition?.rationale,
      ...optional,
    };
  }
}
