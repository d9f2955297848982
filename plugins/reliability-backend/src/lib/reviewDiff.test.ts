import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import { diffCheckStates, snapshotOfReport } from './reviewDiff';

describe('diffCheckStates', () => {
  it('returns nothing when every state and required flag is the same', () => {
    const checks = [
      { id: 'owner', state: 'pass' as const, required: true },
      { id: 'docs', state: 'fail' as const, required: false },
    ];
    expect(diffCheckStates(checks, checks)).toEqual([]);
  });

  it('lists changed states, changed required flags, new and removed checks', () => {
    expect(
      diffCheckStates(
        [
          { id: 'owner', state: 'pass', required: true },
          { id: 'load-test', state: 'fail', required: true },
          { id: 'docs', state: 'pass', required: false },
          { id: 'legacy', state: 'pass', required: true },
        ],
        [
          { id: 'owner', state: 'pass', required: true },
          { id: 'load-test', state: 'waived', required: true },
          { id: 'docs', state: 'pass', required: true },
          { id: 'dr-test', state: 'fail', required: true },
        ],
      ),
    ).toEqual([
      {
        checkId: 'load-test',
        before: 'fail',
        after: 'waived',
        requiredBefore: true,
        requiredAfter: true,
      },
      {
        checkId: 'docs',
        before: 'pass',
        after: 'pass',
        requiredBefore: false,
        requiredAfter: true,
      },
      {
        checkId: 'dr-test',
        before: null,
        after: 'fail',
        requiredBefore: null,
        requiredAfter: true,
      },
      {
        checkId: 'legacy',
        before: 'pass',
        after: null,
        requiredBefore: true,
        requiredAfter: null,
      },
    ]);
  });
});

describe('snapshotOfReport', () => {
  it('keeps score, verdict, evaluation time and each check state', () => {
    const report = {
      entityRef: 'component:default/checkout-api',
      evaluatedAt: '2026-11-22T10:00:00.000Z',
      readiness: {
        score: 80,
        verdict: 'not-ready',
        checks: [
          {
            id: 'owner',
            state: 'pass',
            required: true,
            blocking: true,
            message: 'ok',
            howToFix: '',
            title: 'Owner',
            area: 'Ownership',
            kind: 'automatic',
          },
        ],
      },
    } as unknown as ReliabilityReport;
    expect(snapshotOfReport(report)).toEqual({
      score: 80,
      verdict: 'not-ready',
      evaluatedAt: '2026-11-22T10:00:00.000Z',
      checks: [{ id: 'owner', state: 'pass', required: true }],
    });
  });

  it('records no checks for an out-of-scope report', () => {
    const report = {
      evaluatedAt: '2026-11-22T10:00:00.000Z',
      readiness: null,
    } as unknown as ReliabilityReport;
    expect(snapshotOfReport(report)).toEqual({
      score: null,
      verdict: null,
      evaluatedAt: '2026-11-22T10:00:00.000Z',
      checks: [],
    });
  });
});
