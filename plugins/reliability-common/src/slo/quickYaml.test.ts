import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { readDocumentsQuickly } from './quickYaml';
import { generateYaml, seededRandom } from './__testUtils__/yamlGenerator';

/** What parseSloFile's slow path reads: each document's value, or its errors. */
function readWithYaml(text: string) {
  const documents = Array.from(parseAllDocuments(text));
  return {
    errors: documents.flatMap(document => document.errors),
    values: documents.map(document => document.toJS({ maxAliasCount: 100 })),
  };
}

/**
 * The one property the fast path rests on: whatever js-yaml reads, `yaml` reads without
 * an error and to the same values, document for document.
 */
function expectSameAsYaml(text: string): 'quick' | 'declined' {
  const quick = readDocumentsQuickly(text);
  if (quick === undefined) {
    return 'declined';
  }
  const slow = readWithYaml(text);
  expect({ text, errors: slow.errors.map(error => error.message) }).toEqual({
    text,
    errors: [],
  });
  expect({ text, values: quick }).toStrictEqual({ text, values: slow.values });
  return 'quick';
}

describe('readDocumentsQuickly', () => {
  it('reads the SLO files of the fixtures and the demo catalog', () => {
    const folders = [
      join(__dirname, '__fixtures__'),
      join(__dirname, '../../../../examples/slos'),
    ];
    const files = folders.flatMap(folder =>
      readdirSync(folder)
        .filter(name => /\.ya?ml$/.test(name))
        .map(name => join(folder, name)),
    );
    expect(files.length).toBeGreaterThan(3);
    const outcomes = files.map(file => {
      const text = readFileSync(file, 'utf8');
      // Some demo files are broken on purpose: those must be declined, never misread.
      return {
        file,
        outcome: expectSameAsYaml(text),
        valid: readWithYaml(text).errors.length === 0,
      };
    });
    // Every valid file takes the fast path, or it would be of no use.
    expect(outcomes.filter(({ valid }) => valid)).toEqual(
      outcomes
        .filter(({ valid }) => valid)
        .map(({ file }) => ({ file, outcome: 'quick', valid: true })),
    );
  });

  it.each([
    ['a mapping', 'a: 1\nb:\n  - x\n  - y\nc:\n  d: e\n'],
    ['several documents', 'a: 1\n---\nb: 2\n...\n---\nc: 3\n'],
    ['empty documents', '---\n---\na: 1\n---\n'],
    [
      'block scalars',
      'a: |\n  x\n  y\nb: >-\n  folded\n  text\n\nc: |-\n  kept\n\n',
    ],
    ['quoted escapes', "a: \"\\x41\\u00e9\\t\\n\\\\\"\nb: 'it''s'\n"],
    [
      'numbers as yaml reads them',
      [
        '0o17',
        '0x1F',
        '007',
        '+12',
        '-0',
        '1e3',
        '.5',
        '+.5',
        '5.',
        '.inf',
        '-.Inf',
        '.NaN',
      ]
        .map(n => `- ${n}\n`)
        .join(''),
    ],
    [
      'what yaml 1.2 leaves as strings',
      [
        '0b101',
        '1_000',
        'yes',
        'no',
        'on',
        '"1"',
        '12:30',
        '2026-01-01',
        '0X1F',
        'NaN',
      ]
        .map(n => `- ${n}\n`)
        .join(''),
    ],
    [
      'null and booleans',
      'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: True\nh: TRUE\ni: false\n',
    ],
    [
      'keys that are numbers or booleans',
      '1: a\ntrue: b\n0x10: c\n2.50: d\n.inf: e\n',
    ],
    ['merge keys, which yaml 1.2 does not merge', '<<:\n  a: 1\nb: 2\n'],
    ['a __proto__ key', '__proto__:\n  polluted: true\n'],
    ['Windows line endings', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['a PromQL query', 'q: sum(rate(x{code!="200",a=~"5.."}[5m])) * 100 / 2\n'],
    ["a sequence at its key's column", 'a:\n- x\n- y\nb: 1\n'],
  ])('reads %s as yaml does', (_, text) => {
    expect(expectSameAsYaml(text)).toBe('quick');
  });

  it.each([
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['a tag', 'a: !!float 3\n'],
    ['a tag with nothing after it', 'a: !\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a flow sequence as a key', '[a, b]: c\n'],
    ['a flow mapping as a key', '{a: 1}: c\n'],
    ['content on the --- line', '--- a: 1\n'],
    ['a null key', '~: a\n'],
    ['an empty key', ': a\n'],
    ['a key longer than 1,024 characters', `${'k'.repeat(1100)}: v\nb: 1\n`],
    ['a byte order mark', '\uFEFFa: 1\n'],
    ['a control character', 'a: "\u0001"\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab as indentation', 'a:\n\t- 1\n'],
    ['a flow collection', 'a: [1, 2]\n'],
    ['text right after an empty flow collection', 'a: {}#\n'],
    ['text right after a closing quote', '"a"#: x\n'],
    ["a tab before a line's content", '\t 99.9\n'],
    ['an empty sequence entry', 'a:\n  -\n  - 1\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   x\n'],
    ['a block scalar with a line of spaces', 'a: |\n  x\n   \n  y\n'],
    ['a quoted scalar over two lines', 'a:\n  - "multi\n  line"\n'],
    ['only comments', '# nothing\n'],
    ['an empty text', ''],
  ])('declines %s', (_, text) => {
    expect(readDocumentsQuickly(text)).toBeUndefined();
  });

  it('reads as yaml does, or declines, on thousands of generated texts', () => {
    const random = seededRandom(Number(process.env.FUZZ_SEED ?? 20261123));
    let quick = 0;
    for (let i = 0; i < Number(process.env.FUZZ_RUNS ?? 10000); i++) {
      if (expectSameAsYaml(generateYaml(random)) === 'quick') {
        quick++;
      }
    }
    // The generator must exercise the fast path, not only the declined texts.
    expect(quick).toBeGreaterThan(600);
  });
});
