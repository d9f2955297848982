import { parsePolicyConfig } from '../../policy/parsePolicyConfig';
import type { CheckDefinition } from '../../policy/types';
import { checkContext, makeEntity, readyInput } from '../testFixtures';
import { evaluateAnnotationCheck } from './annotation';

const policy = parsePolicyConfig({
  checks: [
    {
      id: 'sbom',
      title: 'SBOM',
      kind: 'automatic',
      annotation: 'example.com/sbom',
      rationale: 'Know what ships.',
      howToFix: 'Publish an SBOM.',
    },
  ],
});

const evaluate = (annotations: Record<string, string>) =>
  evaluateAnnotationCheck(
    checkContext(
      'sbom',
      readyInput({ entity: makeEntity({ annotations }) }),
      policy,
    ),
  );

describe('evaluateAnnotationCheck', () => {
  it('passes when the annotation is present and not blank', () => {
    expect(
      evaluate({ 'example.com/sbom': 's3://sboms/checkout.json' }),
    ).toEqual({
      state: 'pass',
      message: 'example.com/sbom is "s3://sboms/checkout.json"',
    });
  });

  it('fails when the annotation is missing', () => {
    expect(evaluate({})).toEqual({
      state: 'fail',
      message: 'No example.com/sbom annotation',
    });
  });

  it('fails when the annotation is blank', () => {
    expect(evaluate({ 'example.com/sbom': '  ' })).toEqual({
      state: 'fail',
      message: 'The example.com/sbom annotation is empty',
    });
  });

  it('is unknown for a check with no annotation (no evaluator)', () => {
    const definition: CheckDefinition = {
      id: 'chaos',
      title: 'Chaos',
      area: 'Custom',
      kind: 'automatic',
      rationale: 'r',
      howToFix: 'h',
    };
    const outcome = evaluateAnnotationCheck({
      ...checkContext('owner', readyInput()),
      definition,
    });
    expect(outcome.state).toBe('unknown');
    expect(outcome.message).toBe(
      'No evaluator is installed for the automatic check "chaos"',
    );
  });
});
