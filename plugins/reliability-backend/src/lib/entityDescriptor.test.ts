import { describeEntity, toFullRef } from './entityDescriptor';

describe('describeEntity', () => {
  it('lower-cases the ref and resolves owner and system with catalog defaults', () => {
    expect(
      describeEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'Checkout',
          namespace: 'Shop',
          title: 'Checkout API',
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'Team-A',
          system: 'payments',
        },
      }),
    ).toEqual({
      entityRef: 'component:shop/checkout',
      kind: 'Component',
      namespace: 'Shop',
      name: 'Checkout',
      title: 'Checkout API',
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:shop/team-a',
      systemRef: 'system:shop/payments',
    });
  });

  it('keeps explicit kinds and namespaces and tolerates missing fields', () => {
    expect(
      describeEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: { owner: 'user:other/jane' },
      }),
    ).toMatchObject({
      entityRef: 'component:default/x',
      namespace: 'default',
      title: null,
      type: null,
      lifecycle: null,
      ownerRef: 'user:other/jane',
      systemRef: null,
    });
  });

  it('returns null for malformed references', () => {
    expect(toFullRef('group:', 'group', 'default')).toBeNull();
    expect(toFullRef('', 'group', 'default')).toBeNull();
    expect(toFullRef(42, 'group', 'default')).toBeNull();
  });
});
