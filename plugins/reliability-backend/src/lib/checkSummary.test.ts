import { summarizeChecks, summaryListNeedle } from './checkSummary';

describe('summarizeChecks', () => {
  it('lists failing and unknown checks as failing, and waived ones apart', () => {
    expect(
      summarizeChecks('component:default/a', [
        { id: 'owner', state: 'pass' },
        { id: 'tier', state: 'fail' },
        { id: 'slo-defined', state: 'unknown' },
        { id: 'runbook', state: 'waived' },
        { id: 'docs', state: 'warn' },
        { id: 'dependencies-tiered', state: 'not-applicable' },
      ]),
    ).toEqual({
      entity_ref: 'component:default/a',
      failing: '["tier","slo-defined"]',
      waived: '["runbook"]',
    });
  });

  it('gives no row when nothing needs attention', () => {
    expect(
      summarizeChecks('component:default/a', [
        { id: 'owner', state: 'pass' },
        { id: 'docs', state: 'not-applicable' },
      ]),
    ).toBeNull();
    expect(summarizeChecks('component:default/a', [])).toBeNull();
  });
});

describe('summaryListNeedle', () => {
  const holds = (list: string[], id: string) =>
    JSON.stringify(list).includes(summaryListNeedle(id));

  it('finds a whole id only, never part of another', () => {
    const list = ['slo-defined', 'runbook-fresh'];
    expect(holds(list, 'slo-defined')).toBe(true);
    expect(holds(list, 'runbook')).toBe(false);
    expect(holds(list, 'defined')).toBe(false);
  });

  it('handles quotes, backslashes and wildcard characters in custom ids', () => {
    expect(holds(['a_b', '50%', 'say "hi"', 'c:\\x'], 'say "hi"')).toBe(true);
    expect(holds(['say "hi" twice'], 'say "hi"')).toBe(false);
    expect(holds(['c:\\x'], 'c:\\x')).toBe(true);
    expect(holds(['axb'], 'a_b')).toBe(false);
    expect(holds(['500'], '50%')).toBe(false);
  });
});
