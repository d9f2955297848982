import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import reliabilityPlugin from './alpha';
import { checkoutEntity } from './__fixtures__/entities';

describe('reliability plugin coverage extensions (new frontend system)', () => {
  it('adds the /reliability page with a "Reliability" nav entry', () => {
    const tester = createExtensionTester(
      reliabilityPlugin.getExtension('page:reliability'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/reliability');
    expect(tester.get(coreExtensionData.title)).toBe('Reliability');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('puts the Team reliability card on group pages only', () => {
    const tester = createExtensionTester(
      reliabilityPlugin.getExtension(
        'entity-card:reliability/team-reliability',
      ),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    const group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments' },
      spec: { type: 'team', children: [] },
    };
    expect(filter(group)).toBe(true);
    expect(filter(checkoutEntity)).toBe(false);
  });
});
