import { resultHash } from './resultHash';
import {
  descriptorColumns,
  descriptorFor,
  expectedResultHash,
} from '../__testUtils__/reports';

describe('resultHash', () => {
  const entity = descriptorFor('checkout');
  const descriptor = descriptorColumns(entity);

  it('hashes the stored JSON without its evaluatedAt, and the descriptive columns', () => {
    const body = '{"entityRef":"component:default/checkout","inScope":true}';
    const first = resultHash(
      `${body.slice(0, -1)},"evaluatedAt":"2026-11-22T10:00:00.000Z"}`,
      '2026-11-22T10:00:00.000Z',
      descriptor,
    );
    expect(first).toBe(expectedResultHash(body, entity));
    expect(
      resultHash(
        `${body.slice(0, -1)},"evaluatedAt":"2026-11-23T10:00:00.000Z"}`,
        '2026-11-23T10:00:00.000Z',
        descriptor,
      ),
    ).toBe(first);
    expect(
      resultHash(
        `${body.slice(0, -1)},"evaluatedAt":"2026-11-22T10:00:00.000Z"}`,
        '2026-11-22T10:00:00.000Z',
        [...descriptor.slice(0, 3), 'Renamed', ...descriptor.slice(4)],
      ),
    ).not.toBe(first);
  });

  it('refuses JSON that does not end with the evaluatedAt it is given', () => {
    expect(() =>
      resultHash(
        '{"entityRef":"component:default/checkout","evaluatedAt":"2026-11-21T10:00:00.000Z"}',
        '2026-11-22T10:00:00.000Z',
        descriptor,
      ),
    ).toThrow(
      'A stored report must end with its evaluatedAt (2026-11-22T10:00:00.000Z) to be hashed',
    );
  });
});
