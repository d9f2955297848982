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
