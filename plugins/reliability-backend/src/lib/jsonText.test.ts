import {
  endOfMembers,
  endOfString,
  endOfValue,
  memberValueStart,
} from './jsonText';

describe('endOfString', () => {
  it('skips escaped quotes and stops at a quote after escaped backslashes', () => {
    const json = JSON.stringify(['a"b\\', 'c\\"d', '\\\\']);
    // ["a\"b\\","c\\\"d","\\\\"]
    const first = endOfString(json, 1);
    expect(JSON.parse(json.slice(1, first))).toBe('a"b\\');
    const second = endOfString(json, first + 1);
    expect(JSON.parse(json.slice(first + 1, second))).toBe('c\\"d');
    const third = endOfString(json, second + 1);
    expect(JSON.parse(json.slice(second + 1, third))).toBe('\\\\');
    expect(json.slice(third)).toBe(']');
  });

  it('throws on an unterminated string', () => {
    expect(() => endOfString('"abc\\"', 0)).toThrow(SyntaxError);
  });
});

describe('endOfValue', () => {
  it.each([
    ['a string', 'x'],
    ['a number', -12.5e-7],
    ['a literal', true],
    ['null', null],
    ['an empty object', {}],
    ['an empty array', []],
    [
      'nested values with brackets and quotes in strings',
      { a: ['}]', { b: '{"c":[' }], d: '\\"', e: [[1, 2], { f: null }] },
    ],
  ])('finds the end of %s inside an object', (_, value) => {
    const json = JSON.stringify({ before: 1, value, after: 2 });
    const start = json.indexOf('"value":') + '"value":'.length;
    const end = endOfValue(json, start);
    expect(JSON.parse(json.slice(start, end))).toEqual(value);
    expect(json.slice(end)).toBe(',"after":2}');
  });

  it('finds the end of the last value of an array and of a whole document', () => {
    expect(endOfValue('[1,23]', 3)).toBe(5);
    expect(endOfValue('{"a":[1]}', 0)).toBe(9);
    expect(endOfValue('42', 0)).toBe(2);
  });
});

describe('memberValueStart', () => {
  it('finds a member of the object, not one of the same name nested in an earlier value', () => {
    const json = JSON.stringify({
      slos: [{ readiness: 'nested' }],
      note: '"readiness":"in a string"',
      readiness: { score: 1 },
    });
    const start = memberValueStart(json, 1, '"readiness"');
    expect(start).toBeDefined();
    expect(JSON.parse(json.slice(start, endOfValue(json, start!)))).toEqual({
      score: 1,
    });
  });

  it('gives undefined when the object has no such member or is not compact', () => {
    expect(
      memberValueStart(JSON.stringify({ a: { b: 1 } }), 1, '"b"'),
    ).toBeUndefined();
    expect(
      memberValueStart(JSON.stringify({ a: 1, b: 2 }, null, 1), 1, '"b"'),
    ).toBeUndefined();
  });
});

describe('endOfMembers', () => {
  it('walks the remaining members to the end of their object', () => {
    const json = JSON.stringify({ a: { b: [1, '}'], c: 'x' }, d: 2 });
    const inner = json.indexOf('"b"');
    expect(json.slice(0, endOfMembers(json, inner))).toBe(
      '{"a":{"b":[1,"}"],"c":"x"}',
    );
    expect(endOfMembers(json, 1)).toBe(json.length);
    expect(endOfMembers('{}', 1)).toBe(2);
  });

  it('gives undefined for text that is not compact JSON', () => {
    expect(endOfMembers('{"a": 1 }', 1)).toBeUndefined();
  });
});
