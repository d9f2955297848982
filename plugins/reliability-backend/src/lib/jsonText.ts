/**
 * Finding values in JSON text as JSON.stringify writes it (no whitespace between tokens),
 * without parsing it: for responses that are stored JSON with a few parts changed, where
 * parsing and re-serialising kilobytes would cost more than the change itself. Values are
 * located, never decoded; strings are skipped with indexOf, so their contents are not
 * looked at.
 *
 * Text that is not in that form (whitespace between the tokens read, a missing `:`) gives
 * `undefined` where a caller can fall back to JSON.parse; values skipped whole are not
 * checked.
 */

/** Character codes of JSON's structural characters, for the scanners here and their callers. */
export const QUOTE = 0x22;
export const COMMA = 0x2c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The index after the string whose opening quote is at `start`. */
export function endOfString(json: string, start: number): number {
  let quote = json.indexOf('"', start + 1);
  for (;;) {
    if (quote < 0) {
      throw new SyntaxError(`Unterminated string in JSON at ${start}`);
    }
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === BACKSLASH) {
      backslashes++;
    }
    // An odd number of backslashes escapes the quote; an even number escape each other.
    if (backslashes % 2 === 0) {
      return quote + 1;
    }
    quote = json.indexOf('"', quote + 1);
  }
}

/** The index after the value that starts at `start`. */
export function endOfValue(json: string, start: number): number {
  let depth = 0;
  let index = start;
  for (;;) {
    const code = json.charCodeAt(index);
    if (code === QUOTE) {
      index = endOfString(json, index);
      if (depth === 0) {
        return index;
      }
      continue;
    }
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth++;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      // At depth 0 this closes the enclosing value: a number or literal ended before it.
      if (depth === 0) {
        return index;
      }
      depth--;
      if (depth === 0) {
        return index + 1;
      }
    } else if (
      depth === 0 &&
      (code === COMMA ||
        code === SPACE ||
        code === TAB ||
        code === LINE_FEED ||
        code === CARRIAGE_RETURN)
    ) {
      // Whitespace ends a number or literal here, so that callers see text that is not
      // compact (whitespace inside values they skip whole is not looked for).
      return index;
    } else if (Number.isNaN(code)) {
      if (depth === 0 && index > start) {
        return index;
      }
      throw new SyntaxError(`Unexpected end of JSON after ${start}`);
    }
    index++;
  }
}

/** The index of the `:` after the member key that starts at `index`, if there is one. */
function memberColon(json: string, index: number): number | undefined {
  if (json.charCodeAt(index) !== QUOTE) {
    return undefined;
  }
  const keyEnd = endOfString(json, index);
  return json.charCodeAt(keyEnd) === COLON ? keyEnd : undefined;
}

/**
 * Where the value of the member `quotedKey` (the key with its quotes: `"checks"`) starts,
 * looking at an object's members from `index` on (the opening quote of a member's key);
 * undefined when none of them has that key, or the text is not compact JSON.
 */
export function memberValueStart(
  json: string,
  index: number,
  quotedKey: string,
): number | undefined {
  let keyStart = index;
  for (;;) {
    const keyEnd = memberColon(json, keyStart);
    if (keyEnd === undefined) {
      return undefined;
    }
    if (
      keyEnd - keyStart === quotedKey.length &&
      json.startsWith(quotedKey, keyStart)
    ) {
      return keyEnd + 1;
    }
    const valueEnd = endOfValue(json, keyEnd + 1);
    if (json.charCodeAt(valueEnd) !== COMMA) {
      return undefined;
    }
    keyStart = valueEnd + 1;
  }
}

/**
 * The index after the `}` of the object whose remaining members start at `index` (the
 * opening quote of a key, or the `}` itself); undefined when the text is not compact JSON.
 */
export function endOfMembers(json: string, index: number): number | undefined {
  let keyStart = index;
  if (json.charCodeAt(keyStart) === CLOSE_OBJECT) {
    return keyStart + 1;
  }
  for (;;) {
    const keyEnd = memberColon(json, keyStart);
    if (keyEnd === undefined) {
      return undefined;
    }
    const valueEnd = endOfValue(json, keyEnd + 1);
    const next = json.charCodeAt(valueEnd);
    if (next === CLOSE_OBJECT) {
      return valueEnd + 1;
    }
    if (next !== COMMA) {
      return undefined;
    }
    keyStart = valueEnd + 1;
  }
}
