import {
  checkContext,
  healthyOnCall,
  readyInput,
  withProfile,
} from '../testFixtures';
import type { EvaluationInput } from '../types';
import { evaluateOncallDepth } from './oncallDepth';
import { evaluateOncallGaps } from './oncallGaps';
import { evaluateOncallVerified } from './oncallVerified';

const CHECKS = [
  ['oncall-verified', evaluateOncallVerified],
  ['oncall-depth', evaluateOncallDepth],
  ['oncall-gaps', evaluateOncallGaps],
] as const;

const run = (id: (typeof CHECKS)[number][0], input: EvaluationInput) =>
  CHECKS.find(([checkId]) => checkId === id)![1](checkContext(id, input));

describe('on-call live checks', () => {
  it.each(CHECKS)('%s passes on a healthy rotation', id => {
    expect(run(id, readyInput()).state).toBe('pass');
  });

  it.each(CHECKS)(
    '%s is unknown, naming why, when the provider is unavailable',
    id => {
      const input = readyInput({
        oncallLive: healthyOnCall({
          state: 'unavailable',
          levels: [],
          reason: 'PagerDuty answered 503',
        }),
      });
      expect(run(id, input)).toEqual({
        state: 'unknown',
        message: 'On-call data could not be read: PagerDuty answered 503',
      });
    },
  );

  it.each(CHECKS)(
    '%s is not-applicable without a provider for the key, or without a key',
    id => {
      const notConfigured = readyInput({
        oncallLive: healthyOnCall({ state: 'not-configured' }),
      });
      expect(run(id, notConfigured)).toMatchObject({
        state: 'not-applicable',
        message:
          'No PagerDuty connection is configured, so pagerduty.com/service-id cannot be verified',
      });
      expect(run(id, readyInput({ oncallLive: null })).state).toBe(
        'not-applicable',
      );
      const freeText = withProfile(readyInput({ oncallLive: null }), {
        oncall: {
          provider: 'other',
          reference: 'ask in #payments',
          annotation: 'reliability/oncall-rotation',
        },
      });
      expect(run(id, freeText).message).toBe(
        '"ask in #payments" names no configured rotation, so it cannot be verified',
      );
      expect(run(id, withProfile(readyInput(), { oncall: null })).state).toBe(
        'not-applicable',
      );
    },
  );

  it('oncall-verified fails for a deleted or a disabled target', () => {
    const deleted = readyInput({
      oncallLive: healthyOnCall({
        target: { exists: false, enabled: false },
        levels: [],
      }),
    });
    expect(run('oncall-verified', deleted)).toEqual({
      state: 'fail',
      message: 'PABC123 does not exist at the provider (deleted or mistyped)',
    });
    const disabled = readyInput({
      oncallLive: healthyOnCall({
        target: { exists: true, enabled: false, name: 'Checkout' },
      }),
    });
    expect(run('oncall-verified', disabled)).toEqual({
      state: 'fail',
      message: 'PABC123 (Checkout) exists but is disabled, so nobody is paged',
    });
  });

  it('oncall-depth fails with one level or one person', () => {
    const live = healthyOnCall();
    const oneLevel = readyInput({
      oncallLive: { ...live, levels: live.levels.slice(0, 1) },
    });
    expect(run('oncall-depth', oneLevel)).toEqual({
      state: 'fail',
      message:
        '1 escalation level and 2 people on call in the next 14 days; at least 2 of each are needed, so nobody backs up an unanswered page',
    });
    const onePerson = readyInput({
      oncallLive: healthyOnCall({ peopleNext14Days: 1 }),
    });
    expect(run('oncall-depth', onePerson).state).toBe('fail');
  });

  it('oncall-gaps fails naming the uncovered time', () => {
    const input = readyInput({
      oncallLive: healthyOnCall({
        gapsNext14Days: [
          {
            start: '2026-12-12T00:00:00.000Z',
            end: '2026-12-14T00:00:00.000Z',
          },
          {
            start: '2026-12-19T00:00:00.000Z',
            end: '2026-12-19T06:30:00.000Z',
          },
        ],
      }),
    });
    expect(run('oncall-gaps', input)).toEqual({
      state: 'fail',
      message:
        '2 uncovered stretches in the next 14 days (54.5 h), the first from 2026-12-12T00:00:00.000Z to 2026-12-14T00:00:00.000Z',
    });
  });
});
