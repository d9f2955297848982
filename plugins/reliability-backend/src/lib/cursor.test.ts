import { InputError } from '@backstage/errors';
import { decodeCursor, encodeCursor } from './cursor';

describe('page cursors', () => {
  it('round-trips string and number sort values', () => {
    for (const value of ['checkout', 42, 0, '']) {
      const cursor = {
        sort: 'name',
        order: 'asc' as const,
        value,
        entityRef: 'component:default/checkout',
      };
      expect(
        decodeCursor(encodeCursor(cursor), { sort: 'name', order: 'asc' }),
      ).toEqual(cursor);
    }
  });

  it.each([
    ['text', 'tier', 5, 'not text'],
    ['integer', 'name', 'abc', 'not a whole number'],
    ['integer', 'score', 12.5, 'not a whole number'],
    ['integer', 'score', 1e308, 'not a whole number'],
    ['text', 'name', 'a\u0000', 'NUL'],
  ] as const)(
    'refuses a %s sort cursor (%s) whose value is %p',
    (kind, sort, value, message) => {
      const raw = encodeCursor({
        sort,
        order: 'asc',
        value,
        entityRef: 'component:default/x',
      });
      const decode = () =>
        decodeCursor(raw, {
          sort,
          order: 'asc',
          value: sort === 'name' && kind === 'text' ? 'text' : kind,
        });
      expect(decode).toThrow(InputError);
      expect(decode).toThrow(message);
    },
  );

  it('refuses a NUL in the entity ref, and accepts whole numbers for integer sorts', () => {
    const nul = encodeCursor({
      sort: 'name',
      order: 'asc',
      value: 'a',
      entityRef: 'x\u0000',
    });
    expect(() => decodeCursor(nul, { sort: 'name', order: 'asc' })).toThrow(
      'its entity ref contains a NUL character',
    );
    const score = encodeCursor({
      sort: 'score',
      order: 'desc',
      value: -1,
      entityRef: 'component:default/x',
    });
    expect(
      decodeCursor(score, { sort: 'score', order: 'desc', value: 'integer' })
        .value,
    ).toBe(-1);
  });

  it('is URL-safe', () => {
    const encoded = encodeCursor({
      sort: 'name',
      order: 'desc',
      value: '??>>~~ünïcødé',
      entityRef: 'component:default/a?b',
    });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['garbage', 'not-base64-json!!'],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['a short array', Buffer.from('["name","asc"]').toString('base64url')],
    [
      'a bad order',
      Buffer.from('["name","up","a","component:default/a"]').toString(
        'base64url',
      ),
    ],
    [
      'an object value',
      Buffer.from('["name","asc",{},"component:default/a"]').toString(
        'base64url',
      ),
    ],
  ])('rejects %s naming the cursor', (_label, raw) => {
    expect(() => decodeCursor(raw, { sort: 'name', order: 'asc' })).toThrow(
      InputError,
    );
    expect(() => decodeCursor(raw, { sort: 'name', order: 'asc' })).toThrow(
      /cursor/,
    );
  });

  it('rejects a cursor made for another sort or order', () => {
    const cursor = encodeCursor({
      sort: 'score',
      order: 'asc',
      value: 10,
      entityRef: 'component:default/a',
    });
    expect(() => decodeCursor(cursor, { sort: 'name', order: 'asc' })).toThrow(
      /sort=score&order=asc/,
    );
    expect(() =>
      decodeCursor(cursor, { sort: 'score', order: 'desc' }),
    ).toThrow(InputError);
  });
});
