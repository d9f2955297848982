import { checkResult, reportFor } from '../__testUtils__/reports';
import { readinessFixes } from './readinessFixes';

const REF = 'component:default/checkout';

describe('readinessFixes', () => {
  it('puts blocking checks first, a fail before an unknown, then the policy order', () => {
    const report = reportFor(REF, {
      checks: [
        checkResult('dashboard', 'fail'),
        checkResult('slo-defined', 'unknown', { blocking: true }),
        checkResult('owner', 'pass', { blocking: true }),
        checkResult('load-test', 'unknown'),
        checkResult('runbook', 'fail', { blocking: true }),
        checkResult('docs', 'fail'),
      ],
    });
    expect(readinessFixes(report).map(fix => [fix.id, fix.state])).toEqual([
      ['runbook', 'fail'],
      ['slo-defined', 'unknown'],
      ['dashboard', 'fail'],
      ['docs', 'fail'],
      ['load-test', 'unknown'],
    ]);
  });

  it('leaves out passing, waived, not-applicable and optional checks', () => {
    const report = reportFor(REF, {
      checks: [
        checkResult('owner', 'pass'),
        checkResult('runbook-fresh', 'warn'),
        checkResult('rollback-plan', 'waived'),
        checkResult('dependencies-tiered', 'not-applicable'),
        checkResult('incident-drill', 'fail', { required: false }),
      ],
    });
    expect(readinessFixes(report)).toEqual([]);
  });

  it('says which fixes unblock the gate only when the gate is enforced', () => {
    const checks = [
      checkResult('oncall', 'fail', {
        blocking: true,
        howToFix: 'Add pagerduty.com/service-id',
        rationale: 'Someone must answer the page.',
      }),
      checkResult('dashboard', 'fail'),
    ];
    const enforced = reportFor(REF, { checks });
    expect(readinessFixes(enforced)).toEqual([
      {
        id: 'oncall',
        title: 'oncall',
        state: 'fail',
        blocking: true,
        unblocksGate: true,
        message: 'oncall is fail',
        howToFix: 'Add pagerduty.com/service-id',
        rationale: 'Someone must answer the page.',
      },
      expect.objectContaining({
        id: 'dashboard',
        unblocksGate: false,
        rationale: null,
      }),
    ]);
    const advisory = {
      ...enforced,
      gate: { decision: 'warn' as const, reasons: [], enforced: false },
    };
    expect(readinessFixes(advisory).map(fix => fix.unblocksGate)).toEqual([
      false,
      false,
    ]);
  });

  it('has nothing to fix for an entity outside the scope', () => {
    expect(readinessFixes(reportFor(REF, { inScope: false }))).toEqual([]);
  });
});
