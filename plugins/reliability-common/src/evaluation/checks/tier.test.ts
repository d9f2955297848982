import { parsePolicyConfig } from '../../policy/parsePolicyConfig';
import {
  checkContext,
  makeEntity,
  readyInput,
  withProfile,
} from '../testFixtures';
import { evaluateTier } from './tier';

describe('evaluateTier', () => {
  it('passes with a tier of the scale', () => {
    expect(evaluateTier(checkContext('tier', readyInput()))).toEqual({
      state: 'pass',
      message: 'Tier 0 (reliability/tier: "0")',
    });
  });

  it('fails without the annotation', () => {
    const input = withProfile(readyInput({ entity: makeEntity() }), {
      tier: null,
    });
    expect(evaluateTier(checkContext('tier', input))).toEqual({
      state: 'fail',
      message: 'No reliability/tier annotation',
    });
  });

  it('fails naming the invalid value and the allowed ones', () => {
    const input = withProfile(
      readyInput({
        entity: makeEntity({ annotations: { 'reliability/tier': 'gold' } }),
      }),
      { tier: null },
    );
    expect(evaluateTier(checkContext('tier', input))).toEqual({
      state: 'fail',
      message:
        'reliability/tier is "gold", which is not one of "0", "1", "2", "3"',
    });
  });

  it('fails when the profile tier is not on the policy scale', () => {
    const policy = parsePolicyConfig({ tiers: [{ level: 0 }, { level: 1 }] });
    const input = withProfile(
      readyInput({
        entity: makeEntity({ annotations: { 'reliability/tier': '3' } }),
      }),
      { tier: { level: 3, name: 'Tier 3' } },
    );
    expect(evaluateTier(checkContext('tier', input, policy))).toEqual({
      state: 'fail',
      message: 'reliability/tier is "3", which is not one of "0", "1"',
    });
  });
});
