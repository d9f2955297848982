import type { Entity } from '@backstage/catalog-model';
import { runCustomChecks } from './customChecks';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
};

const policy = {
  checks: [
    { id: 'feature-flags', kind: 'automatic' },
    { id: 'pen-test', kind: 'attested' },
    { id: 'broken', kind: 'automatic' },
    { id: 'nonsense', kind: 'automatic' },
  ],
} as any;

const context = {
  profile: {} as any,
  slos: { status: 'absent', slos: [], problems: [] } as any,
  now: new Date('2026-11-22T10:00:00Z'),
};

describe('runCustomChecks', () => {
  it('runs evaluators of automatic policy checks and contains their failures', async () => {
    const flags = jest.fn().mockResolvedValue({
      state: 'warn',
      message: 'Two stale flags',
      howToFix: 'Remove them',
    });
    const results = await runCustomChecks({
      entity,
      policy,
      context,
      evaluators: new Map([
        ['feature-flags', { id: 'feature-flags', evaluate: flags }],
        [
          'pen-test',
          { id: 'pen-test', evaluate: () => ({ state: 'pass', message: '' }) },
        ],
        [
          'broken',
          {
            id: 'broken',
            evaluate: () => {
              throw new Error('flag service down');
            },
          },
        ],
        [
          'nonsense',
          {
            id: 'nonsense',
            evaluate: () => ({ state: 'great', message: '' } as any),
          },
        ],
        [
          'not-in-policy',
          {
            id: 'not-in-policy',
            evaluate: () => ({ state: 'pass', message: '' }),
          },
        ],
      ]),
    });
    expect(flags).toHaveBeenCalledWith(entity, context);
    expect(results).toEqual({
      'feature-flags': {
        state: 'warn',
        message: 'Two stale flags',
        howToFix: 'Remove them',
      },
      broken: {
        state: 'unknown',
        message: 'The evaluator of "broken" failed: flag service down',
      },
      nonsense: {
        state: 'unknown',
        message:
          'The evaluator of "nonsense" returned an invalid state "great"',
      },
    });
  });
});
