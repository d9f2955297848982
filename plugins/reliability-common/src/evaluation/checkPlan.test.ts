import { defaultPolicy } from '../policy/defaultPolicy';
import type { ReliabilityPolicy } from '../policy/types';
import { checkPlanOf } from './checkPlan';
import { builtInCheckEvaluators } from './checks';

describe('checkPlanOf', () => {
  it("flags each check, in policy order, as the tier's required and blocking lists say", () => {
    const plan = checkPlanOf(defaultPolicy);
    for (const tier of defaultPolicy.tiers) {
      const planned = plan.tier(tier.level);
      expect(planned.tier).toBe(tier);
      expect(planned.enforced).toBe(tier.enforced);
      expect(planned.expectedLevel).toBe(tier.expectedLevel);
      expect(planned.requiredFlags).toEqual(
        defaultPolicy.checks.map(check => tier.required.includes(check.id)),
      );
      expect(planned.blockingFlags).toEqual(
        defaultPolicy.checks.map(check => tier.blocking.includes(check.id)),
      );
    }
    expect(plan.checks.map(check => check.definition)).toEqual(
      defaultPolicy.checks,
    );
    expect(plan.checks.map(check => check.builtIn)).toEqual(
      defaultPolicy.checks.map(check => builtInCheckEvaluators.get(check.id)),
    );
  });

  it('gives an untiered entity and a level the policy does not define the untiered requirements', () => {
    const plan = checkPlanOf(defaultPolicy);
    for (const level of [null, undefined, 7]) {
      const planned = plan.tier(level);
      expect(planned.tier).toBeNull();
      expect(planned.expectedLevel).toBeNull();
      expect(planned.requiredFlags).toEqual(
        defaultPolicy.checks.map(check =>
          defaultPolicy.untiered.required.includes(check.id),
        ),
      );
    }
  });

  it('lists the automatic checks nothing evaluates', () => {
    const policy = {
      ...defaultPolicy,
      checks: [
        ...defaultPolicy.checks,
        { ...defaultPolicy.checks[0], id: 'sbom', kind: 'automatic' },
        {
          ...defaultPolicy.checks[0],
          id: 'pager-tested',
          kind: 'automatic',
          annotation: 'example.com/pager-tested',
        },
      ],
    } as ReliabilityPolicy;
    expect(checkPlanOf(policy).withoutEvaluator.map(check => check.id)).toEqual(
      ['sbom'],
    );
    expect(checkPlanOf(defaultPolicy).withoutEvaluator).toEqual([]);
  });

  it('keeps the plan of a frozen policy and plans one that may change anew', () => {
    expect(checkPlanOf(defaultPolicy)).toBe(checkPlanOf(defaultPolicy));

    const policy = {
      ...defaultPolicy,
      tiers: defaultPolicy.tiers.map(tier => ({ ...tier })),
    } as ReliabilityPolicy;
    const before = checkPlanOf(policy).tier(1).requiredFlags;
    policy.tiers[1].required = [];
    expect(checkPlanOf(policy).tier(1).requiredFlags).not.toEqual(before);
    expect(
      checkPlanOf(policy)
        .tier(1)
        .requiredFlags.every(flag => !flag),
    ).toBe(true);
  });
});
