import type { Entity } from '@backstage/catalog-model';
import { isReliabilityAvailable } from './isReliabilityAvailable';

function entity(kind: string, type?: unknown): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x' },
    spec: type === undefined ? {} : { type },
  };
}

describe('isReliabilityAvailable', () => {
  it.each([
    ['Component', 'service', true],
    ['Component', 'website', true],
    ['component', 'service', true],
    ['Component', 'library', false],
    ['Component', undefined, false],
    ['Component', 42, false],
    ['API', 'service', false],
    ['System', undefined, false],
  ])('default scope: %s of type %p → %p', (kind, type, expected) => {
    expect(isReliabilityAvailable(entity(kind, type))).toBe(expected);
  });

  it('accepts a custom policy scope', () => {
    const scope = { kinds: ['Component', 'Resource'], types: ['database'] };
    expect(isReliabilityAvailable(entity('Resource', 'database'), scope)).toBe(
      true,
    );
    expect(isReliabilityAvailable(entity('Component', 'service'), scope)).toBe(
      false,
    );
  });

  it('treats an empty type list as every type of the scoped kinds', () => {
    const scope = { kinds: ['System'], types: [] };
    expect(isReliabilityAvailable(entity('System'), scope)).toBe(true);
  });
});
