import { splitSloRefs } from './sloRefList';

describe('splitSloRefs', () => {
  it.each([
    ['./slos/a.yaml', ['./slos/a.yaml']],
    ['  ./slos/a.yaml  ', ['./slos/a.yaml']],
    ['./a.yaml, ./b.yaml', ['./a.yaml', './b.yaml']],
    ['./a.yaml,./b.yaml,', ['./a.yaml', './b.yaml']],
    ['[./a.yaml, ./slos/]', ['./a.yaml', './slos/']],
    [`["./a.yaml", './b c.yaml']`, ['./a.yaml', './b c.yaml']],
    ['[url:https://h/a.yaml, ./b.yaml]', ['url:https://h/a.yaml', './b.yaml']],
    ['[]', []],
    ['', []],
    [' , ', []],
  ])('%j -> %j', (value, expected) => {
    expect(splitSloRefs(value)).toEqual(expected);
  });
});
