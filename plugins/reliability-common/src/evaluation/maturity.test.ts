import { defaultPolicy } from '../policy/defaultPolicy';
import type { CheckState } from '../types';
import { computeMaturity } from './maturity';
import { makeCheckResult } from './testFixtures';

const ALL_IDS = defaultPolicy.checks.map(check => check.id);

function checksWith(states: Record<string, CheckState>) {
  return ALL_IDS.map(id => makeCheckResult(id, states[id] ?? 'pass'));
}

const maturity = (
  states: Record<string, CheckState>,
  expected: number | null = 3,
) =>
  computeMaturity(checksWith(states), defaultPolicy.maturityLevels, expected);

describe('computeMaturity', () => {
  it('is level 4 with nothing next when everything is met', () => {
    expect(maturity({})).toEqual({
      level: 4,
      name: 'Optimized',
      expectedLevel: 3,
      next: null,
    });
  });

  it('is level 0 when level 1 is not met, listing level 1 gaps', () => {
    expect(maturity({ owner: 'fail', runbook: 'unknown' })).toEqual({
      level: 0,
      name: 'None',
      expectedLevel: 3,
      next: { level: 1, name: 'Foundational', missing: ['owner', 'runbook'] },
    });
  });

  it('stops at the first unmet level, like a ladder', () => {
    const result = maturity({ docs: 'fail', 'dr-test': 'fail' });
    expect(result.level).toBe(1);
    expect(result.name).toBe('Foundational');
    expect(result.next).toEqual({
      level: 2,
      name: 'Standardized',
      missing: ['docs'],
    });
  });

  it.each<CheckState>(['warn', 'waived', 'not-applicable'])(
    'counts %s as met',
    state => {
      expect(
        maturity({ 'dependencies-tiered': state, owner: state }).level,
      ).toBe(4);
    },
  );

  it('counts a check the entity does not have as unmet', () => {
    const checks = checksWith({}).filter(
      check => check.id !== 'incident-drill',
    );
    const result = computeMaturity(checks, defaultPolicy.maturityLevels, 4);
    expect(result.level).toBe(3);
    expect(result.next?.missing).toEqual(['incident-drill']);
  });

  it('lists unmet checks of every level up to the next one, in ladder order', () => {
    const result = computeMaturity(
      checksWith({ 'slo-alerting': 'fail', 'load-test': 'fail' }),
      [
        { level: 2, name: 'Two', checks: ['slo-alerting', 'docs'] },
        { level: 1, name: 'One', checks: ['owner'] },
        { level: 3, name: 'Three', checks: ['load-test'] },
      ],
      null,
    );
    expect(result).toEqual({
      level: 1,
      name: 'One',
      expectedLevel: null,
      next: { level: 2, name: 'Two', missing: ['slo-alerting'] },
    });
  });

  it('sorts a frozen ladder once and gives the same answers every time', () => {
    const levels = Object.freeze([
      { level: 2, name: 'Two', checks: ['docs'] },
      { level: 1, name: 'One', checks: ['owner'] },
    ]) as unknown as Parameters<typeof computeMaturity>[1];
    const checks = checksWith({ docs: 'fail' });
    const first = computeMaturity(checks, levels, 2);
    expect(first).toEqual({
      level: 1,
      name: 'One',
      expectedLevel: 2,
      next: { level: 2, name: 'Two', missing: ['docs'] },
    });
    expect(computeMaturity(checks, levels, 2)).toEqual(first);
    expect(levels.map(level => level.level)).toEqual([2, 1]);
  });

  it('reads a ladder that is not frozen anew on each call', () => {
    const levels = [
      { level: 1, name: 'One', checks: ['owner'] },
      { level: 2, name: 'Two', checks: ['docs'] },
    ];
    expect(computeMaturity(checksWith({}), levels, null).level).toBe(2);
    levels.push({ level: 3, name: 'Three', checks: ['dr-test'] });
    expect(
      computeMaturity(checksWith({ 'dr-test': 'fail' }), levels, null),
    ).toEqual({
      level: 2,
      name: 'Two',
      expectedLevel: null,
      next: { level: 3, name: 'Three', missing: ['dr-test'] },
    });
  });
});
