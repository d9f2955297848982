import { utf8Bytes } from './utf8Bytes';

describe('utf8Bytes', () => {
  it.each([
    ['empty', ''],
    ['ASCII', '{"a":"b"}'],
    ['non-ASCII and surrogate pairs', '{"howToFix":"20–30% é 😀"}'],
    ['a lone surrogate', 'a\ud800b'],
    ['longer than the scratch space holds', '–'.repeat(50_000)],
  ])('gives the same bytes as Buffer.from for %s text', (_, text) => {
    expect(utf8Bytes(text).equals(Buffer.from(text))).toBe(true);
  });

  it('gives each text bytes of its own, which encoding the next one leaves alone', () => {
    const first = utf8Bytes('first text');
    const second = utf8Bytes('second');
    expect(first.toString()).toBe('first text');
    expect(second.toString()).toBe('second');
  });
});
