import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { reliabilityEntityConditions } from './conditions';
import { isEntityOwner, ownerRefsOf } from './rules';

function component(spec: JsonObject, extra?: Partial<Entity>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'commerce' },
    spec,
    ...extra,
  };
}

describe('ownerRefsOf', () => {
  it('resolves a short spec.owner in the entity namespace as a group', () => {
    expect(ownerRefsOf(component({ owner: 'Checkout-Team' }))).toEqual([
      'group:commerce/checkout-team',
    ]);
  });

  it('keeps a full owner ref and adds ownedBy relations, without duplicates', () => {
    expect(
      ownerRefsOf(
        component(
          { owner: 'user:default/jane' },
          {
            relations: [
              { type: 'ownedBy', targetRef: 'user:default/jane' },
              { type: 'ownedBy', targetRef: 'group:default/platform' },
              { type: 'partOf', targetRef: 'system:default/checkout' },
            ],
          },
        ),
      ),
    ).toEqual(['user:default/jane', 'group:default/platform']);
  });

  it('returns nothing for a missing or malformed owner', () => {
    expect(ownerRefsOf(component({}))).toEqual([]);
    expect(ownerRefsOf(component({ owner: 'group:' }))).toEqual([]);
  });
});

describe('IS_ENTITY_OWNER', () => {
  const entity = component({ owner: 'group:default/checkout-team' });

  it('applies when one claim owns the entity, case-insensitively', () => {
    expect(
      isEntityOwner.apply(entity, {
        claims: ['user:default/guest', 'group:default/Checkout-Team'],
      }),
    ).toBe(true);
  });

  it('does not apply for other groups or no claims', () => {
    expect(
      isEntityOwner.apply(entity, { claims: ['group:default/sre-core'] }),
    ).toBe(false);
    expect(isEntityOwner.apply(entity, { claims: [] })).toBe(false);
  });

  it('is named and described for the permission metadata', () => {
    expect(isEntityOwner.name).toBe('IS_ENTITY_OWNER');
    expect(isEntityOwner.description).toBe('is owner of the entity');
    expect(isEntityOwner.resourceType).toBe('reliability-entity');
  });

  it('builds a condition for policies', () => {
    expect(
      reliabilityEntityConditions.isEntityOwner({
        claims: ['group:default/checkout-team'],
      }),
    ).toEqual({
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'reliability-entity',
      params: { claims: ['group:default/checkout-team'] },
    });
  });
});
