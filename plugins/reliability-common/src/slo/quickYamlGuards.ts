/**
 * The texts js-yaml and `yaml` might read differently, found without parsing: see
 * readDocumentsQuickly. Each test errs towards declining a text, which then takes the
 * slow path and gives the same result.
 */

/**
 * Texts that either parser reads differently from the other, or that only `yaml` rejects:
 * - a directive (`%YAML 1.1` makes `yaml` read `yes` as true);
 * - a tag, anchor or alias (`!`, `&`, `*` starting a node): tags resolve differently, and
 *   `yaml` limits alias expansion where js-yaml does not;
 * - an explicit key (`? `), which the two turn into different strings;
 * - a flow collection other than `[]` or `{}` standing alone: the two read keys that are collections
 *   differently, and `yaml` checks the indentation and spacing of flow collections more
 *   strictly (SLO files rarely have them; text like PromQL's `x{a="b"}[5m]` is not one);
 * - a tab in a line's indentation, which `yaml` rejects;
 * - content on a `---` or `...` line (`--- a: 1` is an error in `yaml`, `---a` is text);
 * - a byte order mark or control character, which the two treat differently.
 * Each test may match text inside a quoted string too: such a file takes the slow path,
 * which gives the same result.
 */
const DECLINED_TEXT = [
  /^%/m,
  /(?:^|[\s[\]{},:])(?:!|[&*](?=\S|$))/m,
  /(?:^|[\s[{,])\?(?:\s|$)/m,
  /(?:^|\s)[[{](?![\]}](?:\s|$))/m,
  /^[ \t]*\t/m,
  /^(?:---|\.\.\.)(?:[ \t]+[^\s#]|[^\s])/m,
  // eslint-disable-next-line no-control-regex
  /[\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/,
];

/** `yaml` rejects implicit keys longer than this, js-yaml does not. */
const MAX_LINE = 1024;

/**
 * Whether the text has what js-yaml lets pass and `yaml` checks, or reads differently:
 * - a quoted scalar that goes on past the end of its line, or text right after its
 *   closing quote;
 * - a sequence entry with nothing on its line or that opens a sequence (`- -`), after
 *   which js-yaml may nest the next entries differently;
 * - a block scalar other than a plain `|`, `>`, `|-` or `>-`, or with a line of spaces;
 * - a line longer than MAX_LINE.
 * A quote opens a scalar where a node can start: at the start of a line, after a
 * sequence entry's `- ` or after a value's `: `. A block scalar's lines are skipped as
 * text. Where this errs, it errs towards the slow path, which gives the same result.
 */
function hasUnsafeLine(text: string): boolean {
  let quote: string | undefined;
  let previous = '\n';
  let lineStart = true;
  let lineFrom = 0;
  // The column of the current line's node, which a block scalar's lines are indented past.
  let nodeColumn = 0;
  // A block scalar (`|`, `>`) opened on this line, by a node at this column.
  let blockOpening: number | undefined;
  // The block scalar whose lines may come next, by its node's column.
  let block: { parent: number } | undefined;
  // Whether a quote here would open a quoted scalar, rather than be part of plain text.
  let nodeStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === '\n' || char === '\r') {
        return true;
      }
      if (quote === '"' && char === '\\') {
        i++;
        if (text[i] === '\n' || text[i] === '\r') {
          return true;
        }
      } else if (char === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          i++;
        } else {
          quote = undefined;
          if (
            i + 1 < text.length &&
            text[i + 1] !== ':' &&
            !isSpace(text[i + 1])
          ) {
            return true;
          }
        }
      }
    } else if (lineStart) {
      lineStart = false;
      lineFrom = i;
      let column = 0;
      while (text[i + column] === ' ') {
        column++;
      }
      const first = text[i + column];
      const blank = first === '\n' || first === '\r' || first === undefined;
      if (block !== undefined) {
        if (blank && column > 0) {
          // yaml and js-yaml keep a block scalar's lines of spaces differently.
          return true;
        }
        if (!blank && column > block.parent) {
          // A line of a block scalar is text.
          const end = text.indexOf('\n', i);
          if (end === -1) {
            break;
          }
          i = end - 1;
          continue;
        }
        if (!blank) {
          block = undefined;
        }
      }
      if (!blank && first !== '#') {
        // Where the line's node starts, after any compact entries (`- a: 1`).
        let entry = column;
        while (text[i + entry] === '-' && isSpace(text[i + entry + 1] ?? ' ')) {
          entry += 1;
          while (text[i + entry] === ' ') {
            entry++;
          }
          // An entry with nothing on its line, or one that opens a sequence (`- -`):
          // js-yaml may nest the entries after it differently from yaml.
          if (
            /^(?:[\r\n#]|-\s|-$|$)/.test(text.slice(i + entry, i + entry + 2))
          ) {
            return true;
          }
        }
        nodeColumn = entry;
      }
      i--;
      continue;
    } else if (char === '\n') {
      if (i - lineFrom > MAX_LINE) {
        return true;
      }
      if (blockOpening !== undefined) {
        block = { parent: blockOpening };
        blockOpening = undefined;
      }
      lineStart = true;
      nodeStart = true;
    } else if (char === '#' && isSpace(previous)) {
      while (i + 1 < text.length && text[i + 1] !== '\n') {
        i++;
      }
    } else if ((char === '|' || char === '>') && nodeStart) {
      // Only plain headers: indentation indicators, `+` and comments are read
      // differently by the two.
      if (!/^[|>]-?[ \t]*(?:\r?\n|$)/.test(text.slice(i, i + 8))) {
        return true;
      }
      blockOpening = nodeColumn;
      nodeStart = false;
    } else if (char === '"' || char === "'") {
      quote = nodeStart ? char : undefined;
      nodeStart = false;
    } else if (char === ':' || (char === '-' && nodeStart)) {
      // A value indicator or a sequence entry: a node may start after it.
      nodeStart = i + 1 === text.length || isSpace(text[i + 1]);
    } else if (!isSpace(char)) {
      nodeStart = false;
    }
    previous = text[i];
  }
  return quote !== undefined || text.length - lineFrom > MAX_LINE;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r';
}

/** Whether js-yaml might read the text differently from `yaml`, or accept it where `yaml` does not. */
export function isDeclinedText(text: string): boolean {
  return (
    DECLINED_TEXT.some(pattern => pattern.test(text)) || hasUnsafeLine(text)
  );
}
