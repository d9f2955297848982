import {
  checkContext,
  makeEntity,
  readyInput,
  withProfile,
} from '../testFixtures';
import { evaluateDashboard } from './dashboard';
import { evaluateDocs } from './docs';
import { evaluateRunbook } from './runbook';

describe('evaluateRunbook', () => {
  it('passes naming the runbooks', () => {
    const input = withProfile(readyInput(), {
      runbooks: [
        { title: 'Checkout', url: 'https://a' },
        { title: 'Payments', url: 'https://b' },
      ],
    });
    expect(evaluateRunbook(checkContext('runbook', input))).toEqual({
      state: 'pass',
      message: '2 runbook links: Checkout, Payments',
    });
  });

  it('fails without a runbook link', () => {
    const input = withProfile(readyInput(), { runbooks: [] });
    expect(evaluateRunbook(checkContext('runbook', input))).toEqual({
      state: 'fail',
      message: 'No link of type runbook in metadata.links',
    });
  });
});

describe('evaluateDashboard', () => {
  it('passes with one dashboard link', () => {
    expect(evaluateDashboard(checkContext('dashboard', readyInput()))).toEqual({
      state: 'pass',
      message: '1 dashboard link: Checkout',
    });
  });

  it('fails without a dashboard link', () => {
    const input = withProfile(readyInput(), { dashboards: [] });
    expect(evaluateDashboard(checkContext('dashboard', input)).state).toBe(
      'fail',
    );
  });
});

describe('evaluateDocs', () => {
  it('passes naming the techdocs ref', () => {
    expect(evaluateDocs(checkContext('docs', readyInput()))).toEqual({
      state: 'pass',
      message: 'TechDocs from dir:. (backstage.io/techdocs-ref)',
    });
  });

  it('fails without the annotation', () => {
    const input = withProfile(readyInput({ entity: makeEntity() }), {
      hasDocs: false,
    });
    expect(evaluateDocs(checkContext('docs', input))).toEqual({
      state: 'fail',
      message: 'No backstage.io/techdocs-ref annotation',
    });
  });
});
