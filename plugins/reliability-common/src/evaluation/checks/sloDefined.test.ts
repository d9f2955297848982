import { checkContext, loadedSlos, makeSlo, readyInput } from '../testFixtures';
import type { SloLoadResult } from '../../types';
import { evaluateSloDefined } from './sloDefined';

const evaluate = (slos: SloLoadResult) =>
  evaluateSloDefined(checkContext('slo-defined', readyInput({ slos })));

describe('evaluateSloDefined', () => {
  it('passes naming the valid SLOs', () => {
    expect(
      evaluate(loadedSlos([makeSlo('availability'), makeSlo('latency')])),
    ).toEqual({
      state: 'pass',
      message: '2 valid SLOs: availability, latency',
    });
  });

  it('fails without a slo-ref annotation', () => {
    expect(evaluate({ status: 'absent', slos: [], problems: [] })).toEqual({
      state: 'fail',
      message: 'No reliability/slo-ref annotation',
    });
  });

  it('fails when every document of the file is invalid', () => {
    const outcome = evaluate({
      status: 'loaded',
      location: 'file:/c/slos.yaml',
      slos: [],
      problems: [
        { severity: 'error', message: 'target 99.9 looks like a percentage' },
      ],
    });
    expect(outcome.state).toBe('fail');
    expect(outcome.message).toBe(
      'The SLO file file:/c/slos.yaml has no valid SLO (1 problem)',
    );
    expect(outcome.howToFix).toContain('Fix the problems');
  });

  it('counts valid SLOs beside invalid ones', () => {
    const slos = loadedSlos([makeSlo('ok')]);
    slos.problems.push({ severity: 'error', message: 'duplicate name' });
    expect(evaluate(slos).state).toBe('pass');
  });

  it('is unknown when the file could not be read, saying why', () => {
    const outcome = evaluate({
      status: 'unreachable',
      location: 'https://git.example.com/slos.yaml',
      slos: [],
      problems: [{ severity: 'error', message: 'HTTP 404 Not Found' }],
    });
    expect(outcome.state).toBe('unknown');
    expect(outcome.message).toBe(
      'Could not read https://git.example.com/slos.yaml: HTTP 404 Not Found',
    );
  });
});
