import type { SloState, SloStatus } from '../../types';
import { evaluateEntity } from '../evaluateEntity';
import { defaultPolicy } from '../../policy/defaultPolicy';
import {
  checkContext,
  loadedSlos,
  makeSlo,
  makeWaiver,
  readyInput,
} from '../testFixtures';
import type { EvaluationInput } from '../types';
import { evaluateErrorBudget } from './errorBudget';
import { evaluateSloMeasured } from './sloMeasured';

const budgetOf = (state: SloState) => (state === 'exhausted' ? -1 : 0.5);

function status(
  state: SloState,
  overrides: Partial<SloStatus> = {},
): SloStatus {
  const measured = ['exhausted', 'critical', 'warning', 'ok'].includes(state);
  return {
    state,
    sli: measured ? 0.998 : null,
    errorBudgetRemaining: measured ? budgetOf(state) : null,
    burnRates: {},
    alerts: [],
    reason: measured ? null : `why ${state}`,
    measuredAt: '2026-11-22T09:55:00.000Z',
    since: '2026-11-21T08:30:00.000Z',
    ...overrides,
  };
}

function inputWith(
  statuses: Record<string, SloStatus> | undefined,
  names = ['a', 'b'],
): EvaluationInput {
  return readyInput({
    slos: loadedSlos(names.map(name => makeSlo(name))),
    sloStatuses: statuses && new Map(Object.entries(statuses)),
  });
}

const measured = (input: EvaluationInput) =>
  evaluateSloMeasured(checkContext('slo-measured', input));
const budget = (input: EvaluationInput) =>
  evaluateErrorBudget(checkContext('error-budget', input));

describe('evaluateSloMeasured', () => {
  it('is not-applicable without a configured Prometheus', () => {
    expect(measured(inputWith(undefined))).toMatchObject({
      state: 'not-applicable',
      message: expect.stringContaining('reliability.prometheus'),
    });
  });
  it('passes when every SLO has live data, whatever its budget', () => {
    expect(
      measured(inputWith({ a: status('ok'), b: status('exhausted') })),
    ).toEqual({ state: 'pass', message: 'All 2 SLOs are measured' });
  });
  it('fails naming each SLO without data and why', () => {
    const outcome = measured(
      inputWith({ a: status('no-data'), b: status('not-measured') }),
    );
    expect(outcome.state).toBe('fail');
    expect(outcome.message).toBe(
      '2 of 2 SLOs without live data: "a" (no-data since 2026-11-21 08:30 UTC: why no-data); "b" (not-measured since 2026-11-21 08:30 UTC: why not-measured)',
    );
  });
  it('is unknown while an instance is unavailable or an SLO is not measured yet', () => {
    expect(
      measured(inputWith({ a: status('ok'), b: status('unavailable') })).state,
    ).toBe('unknown');
    const pending = measured(inputWith({ a: status('ok') }));
    expect(pending.state).toBe('unknown');
    expect(pending.message).toContain('"b" (not measured yet)');
  });
  it('prefers fail over unknown: missing data is known to be missing', () => {
    expect(
      measured(inputWith({ a: status('no-data'), b: status('unavailable') }))
        .state,
    ).toBe('fail');
  });
  it('is unknown when the SLO file is unreadable and not-applicable without SLOs', () => {
    expect(
      measured(
        readyInput({
          slos: { status: 'unreachable', slos: [], problems: [] },
          sloStatuses: new Map(),
        }),
      ).state,
    ).toBe('unknown');
    expect(measured(inputWith({}, [])).state).toBe('not-applicable');
  });
});

describe('evaluateErrorBudget', () => {
  it('is not-applicable without Prometheus or without measured SLOs', () => {
    expect(budget(inputWith(undefined)).state).toBe('not-applicable');
    expect(
      budget(inputWith({ a: status('no-data'), b: status('unavailable') }))
        .state,
    ).toBe('not-applicable');
  });
  it('fails on an exhausted budget, naming the SLO and since when', () => {
    expect(
      budget(inputWith({ a: status('exhausted'), b: status('critical') })),
    ).toEqual({
      state: 'fail',
      message:
        'Error budget exhausted: "a" (budget -100%, exhausted since 2026-11-21 08:30 UTC)',
    });
  });
  it('warns while a budget burns fast enough to alert', () => {
    expect(
      budget(inputWith({ a: status('ok'), b: status('warning') })),
    ).toMatchObject({
      state: 'warn',
      message:
        'Error budget burning fast: "b" (budget 50%, warning since 2026-11-21 08:30 UTC)',
    });
    expect(budget(inputWith({ a: status('critical') })).state).toBe('warn');
  });
  it('passes when every measured budget is fine, ignoring SLOs without data', () => {
    expect(
      budget(inputWith({ a: status('ok'), b: status('no-data') })),
    ).toEqual({
      state: 'pass',
      message: 'The SLO a is within its error budget',
    });
  });
  it('falls back to the measurement time when since is unknown', () => {
    expect(
      budget(inputWith({ a: status('exhausted', { since: undefined }) }))
        .message,
    ).toContain('exhausted since 2026-11-22 09:55 UTC');
  });
});

describe('the error-budget policy in the default policy', () => {
  const evaluate = (input: EvaluationInput) =>
    evaluateEntity(input, defaultPolicy);

  it('blocks an enforced tier on an exhausted budget and says which SLO since when', () => {
    const evaluation = evaluate(
      inputWith({ a: status('exhausted'), b: status('ok') }),
    );
    const check = evaluation.checks.find(c => c.id === 'error-budget')!;
    expect(check).toMatchObject({
      state: 'fail',
      required: true,
      blocking: true,
    });
    expect(evaluation.gate?.decision).toBe('block');
    expect(evaluation.gate?.reasons[0]).toBe(
      'Blocking check "Error budget left" fails: Error budget exhausted: "a" (budget -100%, exhausted since 2026-11-21 08:30 UTC)',
    );
  });

  it('lets an approved waiver override the exhausted budget', () => {
    const input = inputWith({ a: status('exhausted'), b: status('ok') });
    input.waivers = [makeWaiver('error-budget')];
    const evaluation = evaluate(input);
    expect(evaluation.checks.find(c => c.id === 'error-budget')?.state).toBe(
      'waived',
    );
    expect(evaluation.gate?.decision).not.toBe('block');
  });

  it('keeps both checks not-applicable (and out of the score) without Prometheus', () => {
    const evaluation = evaluate(inputWith(undefined));
    expect(
      evaluation.checks
        .filter(c => c.id === 'slo-measured' || c.id === 'error-budget')
        .map(c => c.state),
    ).toEqual(['not-applicable', 'not-applicable']);
    expect(evaluation.readiness?.score).toBe(100);
  });

  it('counts slo-measured for maturity level 3', () => {
    const evaluation = evaluate(
      inputWith({ a: status('no-data'), b: status('ok') }),
    );
    expect(evaluation.maturity?.next?.missing).toContain('slo-measured');
  });
});
