/** A deterministic stream of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS = [
  'null',
  '~',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  '0',
  '-0',
  '+0',
  '007',
  '0o17',
  '0o8',
  '0x1F',
  '0X1F',
  '0b101',
  '1_000',
  '1e3',
  '1E-3',
  '+1e3',
  '.5',
  '+.5',
  '-.5',
  '5.',
  '1.0',
  '1.50',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'NaN',
  'inf',
  '12:30',
  '2026-01-01',
  '2026-01-01T00:00:00Z',
  '"quoted"',
  "'single'",
  '"a\\x41\\u00e9\\n"',
  "'it''s'",
  '""',
  "''",
  'plain text',
  'a b  c',
  'http://x.y/z?a=1#f',
  '"a: b"',
  'x # comment',
  'sum(rate(x[5m])) * 100',
  'code!="200"',
  'a,b',
  '[a, b]',
  '{a: 1, b: [2, 3]}',
  '[]',
  '{}',
  '[a, [b, c]]',
  '{a: {b: c}}',
  '"multi\n  line"',
  '@at',
  '`tick',
  '%pct',
  '&anchor x',
  '*alias',
  '!tag x',
  '!!str 5',
  '"unterminated',
  "'unterminated",
  '[unclosed',
  '{unclosed',
  'a\tb',
  '"\\q"',
  '28d',
  '99.9',
  '0.999',
  '-',
  '--',
  '---x',
  '...x',
  ':',
  '::',
  'a:b',
  'x: y: z',
  '"key":value',
  '[a: 1, b]',
  '{a, b: }',
  '[a,, b]',
  '"é ü ✓"',
  'é plain',
  '- item',
];
const PLAIN_SCALARS = SCALARS.filter(text =>
  /^[\w .:+~-]*$|^'[^']*'$|^"[^"\\]*"$/.test(text),
);
const KEYS = [
  'a',
  'b',
  'c',
  'name',
  'spec',
  'null',
  '~',
  '1',
  '"1"',
  'true',
  '0x10',
  '1.0',
  "'quoted key'",
  '"k: v"',
  '<<',
  '__proto__',
  'a b',
  '-',
  '? x',
  '[a, b]',
  '{a: 1}',
  '',
  'target',
  '"a"',
  'é',
  'x#y',
  'x #y',
  '.inf',
];
const PLAIN_KEYS = KEYS.filter(text => /^[\w.-]+$/.test(text));
const SEPARATORS = [
  '---\n',
  '--- \n',
  '...\n---\n',
  '--- # c\n',
  '--- a: 1\n',
  '---\n---\n',
  '...\n',
  '--- |\n  x\n',
  '--- >\n folded\n',
];
const BLOCK_LINES = [
  'text',
  '-',
  '- x',
  '"quoted',
  "it's",
  '# not a comment',
  'a: b',
  '[x]',
  '',
  '  deeper',
  'sum(rate(x[5m]))',
  '---',
  '? q',
];
const NOISE = [
  ':',
  ' ',
  '-',
  '#',
  "'",
  '"',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '\t',
  '\n',
  '?',
  'x',
  '  ',
];

/**
 * A random YAML-like text: nested block mappings and sequences, documents, comments and
 * block scalars, with scalars and keys that the two parsers resolve differently, and
 * random edits that break the syntax. Mostly what SLO files hold, so that many texts are
 * read by js-yaml rather than declined.
 */
export function generateYaml(random: () => number): string {
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)];
  // Mostly what SLO files hold, so that many texts take the fast path.
  const scalar = () => pick(random() < 0.08 ? SCALARS : PLAIN_SCALARS);
  let keys = 0;
  // Most keys made unique: a duplicate key is a syntax error, declined at once.
  const key = () =>
    random() < 0.08 ? pick(KEYS) : `${pick(PLAIN_KEYS)}${keys++}`;
  const blockScalar = (indent: number): string => {
    const step = 1 + Math.floor(random() * 3);
    let text = ` ${pick(['|', '>', '|-', '>+', '|2', '| # c', '|x'])}\n`;
    const lines = 1 + Math.floor(random() * 3);
    for (let i = 0; i < lines; i++) {
      let shift = 0;
      if (random() < 0.15) {
        shift = -1;
      } else if (random() < 0.2) {
        shift = 2;
      }
      text += `${' '.repeat(Math.max(0, indent + step + shift))}${pick(
        BLOCK_LINES,
      )}\n`;
    }
    return text;
  };
  const node = (indent: number, depth: number): string => {
    const roll = random();
    if (roll < 0.06) {
      return blockScalar(indent);
    }
    if (depth > 3 || roll < 0.45) {
      return ` ${scalar()}\n`;
    }
    const step = random() < 0.8 ? 2 : 1 + Math.floor(random() * 4);
    const inner = ' '.repeat(indent + step);
    const count = 1 + Math.floor(random() * 3);
    let text = random() < 0.2 ? ' # trailing\n' : '\n';
    for (let i = 0; i < count; i++) {
      text +=
        roll < 0.75
          ? `${inner}${key()}:${node(indent + step, depth + 1)}`
          : `${inner}-${node(indent + step, depth + 1)}`;
      if (random() < 0.1) {
        text += random() < 0.5 ? '\n' : `${inner}# comment\n`;
      }
    }
    return text;
  };
  const documents: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let d = 0; d < count; d++) {
    let text = '';
    const keyCount = 1 + Math.floor(random() * 4);
    for (let k = 0; k < keyCount; k++) {
      text += random() < 0.15 ? `-${node(0, 1)}` : `${key()}:${node(0, 1)}`;
    }
    documents.push(text);
  }
  let text = documents.join(random() < 0.8 ? '---\n' : pick(SEPARATORS));
  if (random() < 0.2) {
    text = `${pick(SEPARATORS)}${text}`;
  }
  const mutations = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
  for (let m = 0; m < mutations; m++) {
    const at = Math.floor(random() * (text.length + 1));
    const kind = random();
    if (kind < 0.5) {
      text = text.slice(0, at) + pick(NOISE) + text.slice(at);
    } else if (kind < 0.8) {
      text = text.slice(0, at) + text.slice(at + 1);
    } else {
      const lines = text.split('\n');
      const line = Math.floor(random() * lines.length);
      lines.splice(line, 0, lines[line]);
      text = lines.join('\n');
    }
  }
  return random() < 0.1 ? text.replace(/\n/g, '\r\n') : text;
}
