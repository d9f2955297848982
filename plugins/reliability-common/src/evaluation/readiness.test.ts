import type { CheckState } from '../types';
import { computeReadiness } from './readiness';
import { makeCheckResult } from './testFixtures';

const required = (...states: CheckState[]) =>
  states.map((state, index) => makeCheckResult(`check-${index}`, state));

describe('computeReadiness', () => {
  it('is 100 and ready when every required check passes', () => {
    expect(computeReadiness(required('pass', 'pass'))).toMatchObject({
      score: 100,
      verdict: 'ready',
    });
  });

  it('counts warn and waived as passing, fail and unknown as not', () => {
    const result = computeReadiness(required('pass', 'warn', 'waived', 'fail'));
    expect(result.score).toBe(75);
    expect(result.verdict).toBe('not-ready');
    expect(computeReadiness(required('pass', 'unknown')).score).toBe(50);
  });

  it('does not count not-applicable checks', () => {
    expect(
      computeReadiness(required('pass', 'not-applicable', 'fail')).score,
    ).toBe(50);
  });

  it('rounds the score', () => {
    expect(computeReadiness(required('pass', 'pass', 'fail')).score).toBe(67);
    expect(computeReadiness(required('pass', 'fail', 'fail')).score).toBe(33);
  });

  it('is 100 with no counted check', () => {
    expect(computeReadiness([]).score).toBe(100);
    expect(computeReadiness(required('not-applicable')).score).toBe(100);
  });

  it('ignores checks that are not required', () => {
    const checks = [
      makeCheckResult('a', 'pass'),
      makeCheckResult('b', 'fail', { required: false }),
    ];
    expect(computeReadiness(checks)).toEqual({
      score: 100,
      verdict: 'ready',
      checks,
    });
  });

  it('is not ready for an unknown required check', () => {
    expect(computeReadiness(required('pass', 'unknown')).verdict).toBe(
      'not-ready',
    );
  });

  it('is ready with waivers when a required check is waived and none fails', () => {
    expect(computeReadiness(required('pass', 'waived', 'warn')).verdict).toBe(
      'ready-with-waivers',
    );
    expect(computeReadiness(required('fail', 'waived')).verdict).toBe(
      'not-ready',
    );
  });
});
