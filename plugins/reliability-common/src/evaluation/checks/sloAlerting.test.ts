import { checkContext, loadedSlos, makeSlo, readyInput } from '../testFixtures';
import type { SloLoadResult } from '../../types';
import { evaluateSloAlerting } from './sloAlerting';

const evaluate = (slos: SloLoadResult) =>
  evaluateSloAlerting(checkContext('slo-alerting', readyInput({ slos })));

describe('evaluateSloAlerting', () => {
  it('passes when every valid SLO has burn-rate alerting', () => {
    expect(evaluate(loadedSlos([makeSlo('a'), makeSlo('b')]))).toEqual({
      state: 'pass',
      message: 'All 2 SLOs have burn-rate alerting',
    });
    expect(evaluate(loadedSlos([makeSlo('a')])).message).toBe(
      'The SLO a has burn-rate alerting',
    );
  });

  it('fails naming the SLOs without alerting', () => {
    expect(
      evaluate(
        loadedSlos([
          makeSlo('a'),
          makeSlo('b', { hasAlerting: false }),
          makeSlo('c', { hasAlerting: false }),
        ]),
      ),
    ).toEqual({
      state: 'fail',
      message: 'No burn-rate alerting on 2 of 3 SLOs: b, c',
    });
  });

  it('fails with no valid SLO, loaded or absent', () => {
    expect(evaluate(loadedSlos([])).state).toBe('fail');
    const absent = evaluate({ status: 'absent', slos: [], problems: [] });
    expect(absent.state).toBe('fail');
    expect(absent.message).toBe('No valid SLO, so no burn-rate alerting');
  });

  it('is unknown when the SLO file could not be read', () => {
    const outcome = evaluate({
      status: 'unreachable',
      slos: [],
      problems: [],
    });
    expect(outcome.state).toBe('unknown');
    expect(outcome.message).toBe('Could not read ./slos/checkout.yaml');
  });
});
