import type { Entity } from '@backstage/catalog-model';

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'reliability/tier': '1',
      'reliability/slo-ref': './slos/checkout.yaml',
      'pagerduty.com/service-id': 'PABC123',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
};

export const paymentsApiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'user:bob' },
};

export const libraryEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'money-lib', namespace: 'default' },
  spec: { type: 'library', lifecycle: 'production', owner: 'team-payments' },
};
