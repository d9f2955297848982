import type {
  CheckResult,
  ReliabilityPolicy,
} from '@reliability-suite/plugin-reliability-common';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  endOfString,
  endOfValue,
} from './jsonText';

type CheckDefinition = ReliabilityPolicy['checks'][number];

/**
 * How a check is stored now: `[id, state, required, blocking, message]`, and a sixth
 * element with its other per-entity members (attestation, waiver, a how-to-fix that is
 * not the policy's) when it has any. Title, area, kind and rationale come from the policy.
 * A tuple serialises in about half the time of the same check as an object (no keys) and
 * is 40% shorter, which made a full run's serialising and writing cheaper.
 */
type CheckTuple =
  | [string, string, boolean, boolean, string]
  | [string, string, boolean, boolean, string, Record<string, unknown>];

/**
 * How a check was stored before tuples (rows written by earlier versions keep it until
 * their entity next changes): an object without the policy texts.
 */
type CheckObject = Omit<
  CheckResult,
  'title' | 'area' | 'kind' | 'rationale' | 'howToFix'
> &
  Partial<Pick<CheckResult, 'title' | 'howToFix'>>;

export type StoredCheck = CheckTuple | CheckObject | CheckResult;

/** Members a tuple holds in its first five places, or the policy gives back. */
const NOT_EXTRA = new Set([
  'id',
  'state',
  'required',
  'blocking',
  'message',
  'title',
  'area',
  'kind',
  'rationale',
  'howToFix',
]);

/**
 * What expanding adds to a stored check of one policy check, as JSON text: its `howToFix`
 * when the row has none, and everything from `title` to `rationale`.
 */
interface ExpandedTexts {
  howToFix: string;
  /** `,"title":…,"area":…,"kind":…` and `,"rationale":…` when the policy has one. */
  titleToRationale: string;
}

/**
 * The members evaluateEntity gives every check, in its order: matched in turn, the usual
 * check's ten keys are passed over without a set lookup each.
 */
const USUAL_KEYS = [
  'id',
  'state',
  'required',
  'blocking',
  'message',
  'howToFix',
  'title',
  'area',
  'kind',
  'rationale',
];

/** How an object-form check starts: the keys before which nothing is put. */
const LEADING_KEYS = [
  '{"id":',
  ',"state":',
  ',"required":',
  ',"blocking":',
  ',"message":',
];
const TUPLE_KEYS = LEADING_KEYS.map(key => key.slice(1));

/**
 * Policy texts a stored check never has without a title: the expanded object literal
 * would put a stored one in the policy text's place, so such checks are left to expand().
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
 * Compacts a report's checks for storage and expands them back, as objects or straight
 * as JSON text. Expanding gives the same JSON, key for key, that serialising the full
 * check gives; checks stored whole (with a `title`) are taken as they are.
 */
export class StoredChecks {
  readonly #definitions: ReadonlyMap<string, CheckDefinition>;
  readonly #inPolicyOrder: readonly CheckDefinition[];
  /** The texts each policy check's expansion adds, by the JSON text of its id. */
  readonly #textsByIdJson: Map<string, ExpandedTexts>;

  constructor(policy: Pick<ReliabilityPolicy, 'checks'>) {
    this.#definitions = new Map(policy.checks.map(check => [check.id, check]));
    // The last definition of an id is the one the map holds; a policy has each id once.
    this.#inPolicyOrder = policy.checks.map(
      check => this.#definitions.get(check.id)!,
    );
    this.#textsByIdJson = new Map(
      [...this.#definitions].map(([id, definition]) => {
        const idJson = JSON.stringify(id);
        return [idJson, expandedTexts(definition, idJson)];
      }),
    );
  }

  /**
   * The stored form of a check; `index` is its place in the report, where a report's
   * checks are in policy order, so the policy check there is tried before a lookup.
   */
  compact(check: CheckResult, index = -1): StoredCheck {
    const inPlace = this.#inPolicyOrder[index];
    const definition =
      inPlace?.id === check.id ? inPlace : this.#definitions.get(check.id);
    if (
      !definition ||
      check.title !== definition.title ||
      check.area !== definition.area ||
      check.kind !== definition.kind ||
      check.rationale !== definition.rationale ||
      typeof check.state !== 'string' ||
      typeof check.required !== 'boolean' ||
      typeof check.blocking !== 'boolean' ||
      typeof check.message !== 'string'
    ) {
      // Texts the policy cannot give back, or members a tuple would not keep exactly.
      return check;
    }
    let extra: Record<string, unknown> | undefined;
    // for-in walks the object's enum cache; Object.keys would allocate an array per check.
    let usual = 0;
    for (const key in check) {
      if (key === USUAL_KEYS[usual]) {
        usual++;
      } else if (!NOT_EXTRA.has(key)) {
        (extra ??= {})[key] = (check as unknown as Record<string, unknown>)[
          key
        ];
      }
    }
    if (check.howToFix !== definition.howToFix) {
      (extra ??= {}).howToFix = check.howToFix;
    }
    const { id, state, required, blocking, message } = check;
    return extra
      ? [id, state, required, blocking, message, extra]
      : [id, state, required, blocking, message];
  }

  expand(stored: StoredCheck): CheckResult {
    if (Array.isArray(stored)) {
      const [id, state, required, blocking, message, extra] = stored;
      const { howToFix, ...optional } = extra ?? {};
      return this.#expanded(
        { id, state, required, blocking, message } as CheckObject,
        howToFix as string | undefined,
        optional,
      );
    }
    if (stored.title !== undefined) {
      return stored as CheckResult;
    }
    const { id, state, required, blocking, message, howToFix, ...optional } =
      stored;
    return this.#expanded(
      { id, state, required, blocking, message },
      howToFix,
      optional,
    );
  }

  /** Key order as evaluateEntity builds a check, so the JSON matches a fresh report's. */
  #expanded(
    leading: Pick<CheckResult, 'id' | 'state' | 'required' | 'blocking'> & {
      message: string;
    },
    howToFix: string | null | undefined,
    optional: object,
  ): CheckResult {
    const definition = this.#definitions.get(leading.id);
    return {
      ...leading,
      howToFix: howToFix ?? definition?.howToFix ?? '',
      title: definition?.title ?? leading.id,
      area: definition?.area ?? 'Other',
      kind: definition?.kind ?? 'automatic',
      rationale: definition?.rationale,
      ...optional,
    } as CheckResult;
  }

  /**
   * The JSON text of expand() of the stored check whose text starts at `start`, and the
   * index after it; undefined for text it does not splice (left to expand()).
   */
  spliceExpanded(
    json: string,
    start: number,
  ): { text: string; end: number } | undefined {
    const first = json.charCodeAt(start);
    if (first === OPEN_ARRAY) {
      return this.#spliceTuple(json, start);
    }
    if (first !== OPEN_OBJECT) {
      return undefined;
    }
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
    const rest = this.#spliceMembers(json, index);
    if (rest === 'stored whole') {
      const end = endOfValue(json, start);
      return { text: json.slice(start, end), end };
    }
    if (!rest) {
      return undefined;
    }
    return {
      text: this.#text(
        json.slice(start + LEADING_KEYS[0].length, idEnd),
        json.slice(start, index),
        rest,
      ),
      end: rest.end,
    };
  }

  #spliceTuple(
    json: string,
    start: number,
  ): { text: string; end: number } | undefined {
    let leading = '{';
    let idJson = '';
    let index = start + 1;
    for (let place = 0; place < TUPLE_KEYS.length; place++) {
      const end = endOfValue(json, index);
      const value = json.slice(index, end);
      if (place === 0) {
        if (value.charCodeAt(0) !== QUOTE) {
          return undefined;
        }
        idJson = value;
      }
      leading += `${place > 0 ? ',' : ''}${TUPLE_KEYS[place]}${value}`;
      const next = json.charCodeAt(end);
      if (next === CLOSE_ARRAY && place === TUPLE_KEYS.length - 1) {
        return {
          text: this.#text(idJson, leading, { perEntity: '' }),
          end: end + 1,
        };
      }
      if (next !== COMMA) {
        return undefined;
      }
      index = end + 1;
    }
    if (
      json.charCodeAt(index) !== OPEN_OBJECT ||
      json.charCodeAt(index + 1) === CLOSE_OBJECT
    ) {
      return undefined;
    }
    // The members of the sixth element, read as the rest of an object-form check.
    const rest = this.#spliceMembers(json, index, true);
    if (!rest || rest === 'stored whole') {
      return undefined;
    }
    if (json.charCodeAt(rest.end) !== CLOSE_ARRAY) {
      return undefined;
    }
    return {
      text: this.#text(idJson, leading, rest),
      end: rest.end + 1,
    };
  }

  /**
   * Reads the members from `start` (a `,` before each, or with `opening` the `{` before
   * the first) to the `}`: a stored how-to-fix apart, the others as text.
   */
  #spliceMembers(
    json: string,
    start: number,
    opening = false,
  ):
    | { howToFix?: string; perEntity: string; end: number }
    | 'stored whole'
    | undefined {
    let index = start;
    let howToFix: string | undefined;
    let perEntity = '';
    let separator = opening ? OPEN_OBJECT : COMMA;
    for (;;) {
      const next = json.charCodeAt(index);
      if (next === CLOSE_OBJECT && !(opening && separator === OPEN_OBJECT)) {
        return { howToFix, perEntity, end: index + 1 };
      }
      if (next !== separator || json.charCodeAt(index + 1) !== QUOTE) {
        return undefined;
      }
      separator = COMMA;
      const keyEnd = endOfString(json, index + 1);
      const valueEnd = endOfValue(json, keyEnd + 1);
      const key = json.slice(index + 1, keyEnd);
      if (key === '"title"') {
        return 'stored whole';
      }
      if (key === '"howToFix"') {
        howToFix = json.slice(keyEnd + 1, valueEnd);
      } else if (POLICY_KEYS.has(key)) {
        return undefined;
      } else {
        perEntity += `,${json.slice(index + 1, valueEnd)}`;
      }
      index = valueEnd;
    }
  }

  #text(
    idJson: string,
    leading: string,
    rest: { howToFix?: string; perEntity: string },
  ): string {
    const texts =
      this.#textsByIdJson.get(idJson) ?? expandedTexts(undefined, idJson);
    const howToFix =
      rest.howToFix !== undefined && rest.howToFix !== 'null'
        ? rest.howToFix
        : texts.howToFix;
    return `${leading},"howToFix":${howToFix}${texts.titleToRationale}${rest.perEntity}}`;
  }
}
