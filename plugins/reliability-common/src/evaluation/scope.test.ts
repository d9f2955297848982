import { defaultPolicy } from '../policy/defaultPolicy';
import { parsePolicyConfig } from '../policy/parsePolicyConfig';
import { isInScope } from './scope';
import { makeEntity } from './testFixtures';

describe('isInScope', () => {
  it.each([
    ['Component', 'service', true],
    ['Component', 'website', true],
    ['component', 'Service', true],
    ['Component', 'library', false],
    ['API', 'service', false],
    ['Resource', 'database', false],
  ])('%s of type %s → %p', (kind, type, expected) => {
    expect(isInScope(makeEntity({ kind, type }), defaultPolicy)).toBe(expected);
  });

  it('is out of scope without spec.type', () => {
    const entity = makeEntity();
    delete entity.spec!.type;
    expect(isInScope(entity, defaultPolicy)).toBe(false);
  });

  it('admits every type of the listed kinds when types is empty', () => {
    const policy = parsePolicyConfig({
      scope: { kinds: ['Component', 'Resource'], types: [] },
    });
    expect(
      isInScope(makeEntity({ kind: 'Resource', type: 'database' }), policy),
    ).toBe(true);
    expect(
      isInScope(makeEntity({ kind: 'API', type: 'openapi' }), policy),
    ).toBe(false);
  });
});
