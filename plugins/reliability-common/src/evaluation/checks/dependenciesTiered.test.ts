import type { EvaluationInput } from '../types';
import { checkContext, readyInput, withProfile } from '../testFixtures';
import { evaluateDependenciesTiered } from './dependenciesTiered';

const evaluate = (
  dependencies: EvaluationInput['dependencies'],
  tier: number | null = 1,
) =>
  evaluateDependenciesTiered(
    checkContext(
      'dependencies-tiered',
      withProfile(readyInput({ dependencies }), {
        tier: tier === null ? null : { level: tier, name: `Tier ${tier}` },
      }),
    ),
  );

describe('evaluateDependenciesTiered', () => {
  it('passes when every dependency is as or more critical', () => {
    expect(
      evaluate([
        { ref: 'component:default/a', tier: 1, found: true },
        { ref: 'resource:default/db', tier: 0, found: true },
      ]),
    ).toEqual({
      state: 'pass',
      message: 'All 2 dependencies are at least as critical as tier 1',
    });
  });

  it('is not applicable without dependencies', () => {
    expect(evaluate([])).toEqual({
      state: 'not-applicable',
      message: 'No dependencies (spec.dependsOn is empty)',
    });
  });

  it('is not applicable without a tier of its own', () => {
    const outcome = evaluate(
      [{ ref: 'component:default/a', tier: 3, found: true }],
      null,
    );
    expect(outcome.state).toBe('not-applicable');
    expect(outcome.message).toBe(
      '1 dependency, but this entity has no tier to compare them with',
    );
  });

  it('fails naming each less critical, untiered or missing dependency', () => {
    expect(
      evaluate([
        { ref: 'component:default/ok', tier: 1, found: true },
        { ref: 'component:default/lower', tier: 2, found: true },
        { ref: 'component:default/untiered', tier: null, found: true },
        { ref: 'component:default/gone', tier: null, found: false },
      ]),
    ).toEqual({
      state: 'fail',
      message:
        'Depends on services less critical than tier 1, untiered or missing: component:default/lower (tier 2), component:default/untiered (no tier), component:default/gone (not in the catalog)',
    });
  });

  it('fails for a single dependency with no tier', () => {
    expect(
      evaluate(
        [{ ref: 'component:default/untiered', tier: null, found: true }],
        0,
      ).state,
    ).toBe('fail');
  });
});
