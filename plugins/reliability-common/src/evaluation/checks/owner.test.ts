import { checkContext, readyInput } from '../testFixtures';
import { evaluateOwner } from './owner';

const evaluate = (owner: { ref: string; kind: string | null } | null) =>
  evaluateOwner(checkContext('owner', readyInput({ owner })));

describe('evaluateOwner', () => {
  it('passes for a Group', () => {
    expect(evaluate({ ref: 'group:default/payments', kind: 'Group' })).toEqual({
      state: 'pass',
      message: 'Owned by the team group:default/payments',
    });
  });

  it('matches the kind case-insensitively', () => {
    expect(
      evaluate({ ref: 'group:default/payments', kind: 'group' }).state,
    ).toBe('pass');
  });

  it('warns for a User: a person, not a team', () => {
    const outcome = evaluate({ ref: 'user:default/jane', kind: 'User' });
    expect(outcome.state).toBe('warn');
    expect(outcome.message).toBe(
      'Owner user:default/jane resolves to a User, not a team',
    );
    expect(outcome.howToFix).toContain('Group');
  });

  it('fails when spec.owner is unset', () => {
    expect(evaluate(null)).toEqual({
      state: 'fail',
      message: 'spec.owner is not set',
    });
  });

  it('fails when the owner is not in the catalog', () => {
    const outcome = evaluate({ ref: 'group:default/ghosts', kind: null });
    expect(outcome.state).toBe('fail');
    expect(outcome.message).toBe(
      'Owner group:default/ghosts is not in the catalog',
    );
    expect(outcome.howToFix).toContain('Register group:default/ghosts');
  });

  it('fails when the owner is neither a Group nor a User', () => {
    expect(evaluate({ ref: 'component:default/x', kind: 'Component' })).toEqual(
      {
        state: 'fail',
        message:
          'Owner component:default/x resolves to a Component, not a Group',
      },
    );
  });
});
