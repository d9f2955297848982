import { DEFAULT_ALERT_PAIRS, firingAlerts, measuredState } from './alerts';

describe('firingAlerts', () => {
  it('fires a pair only when both windows are at or above the threshold', () => {
    expect(firingAlerts({ '1h': 14.4, '5m': 14.4 })).toEqual([
      DEFAULT_ALERT_PAIRS[0],
    ]);
    expect(firingAlerts({ '1h': 20, '5m': 14.3 })).toEqual([]);
    expect(firingAlerts({ '1h': 14.3, '5m': 20 })).toEqual([]);
  });
  it('fires every pair a steady fast burn reaches', () => {
    const burning = {
      '5m': 15,
      '30m': 15,
      '1h': 15,
      '2h': 15,
      '6h': 15,
      '1d': 15,
      '3d': 15,
    };
    expect(firingAlerts(burning)).toHaveLength(4);
  });
  it('never fires on a window without data', () => {
    expect(firingAlerts({ '1h': 20, '5m': null })).toEqual([]);
    expect(firingAlerts({ '1h': 20 })).toEqual([]);
  });
  it('uses configured pairs', () => {
    const pairs = [
      {
        severity: 'ticket' as const,
        longWindow: '6h' as const,
        shortWindow: '30m' as const,
        threshold: 2,
      },
    ];
    expect(firingAlerts({ '6h': 2, '30m': 2 }, pairs)).toEqual(pairs);
  });
});

describe('measuredState', () => {
  const page = DEFAULT_ALERT_PAIRS[0];
  const ticket = DEFAULT_ALERT_PAIRS[2];
  it('is exhausted at or below zero, whatever fires', () => {
    expect(measuredState(0, [])).toBe('exhausted');
    expect(measuredState(-1.5, [page])).toBe('exhausted');
  });
  it('is critical on a page, warning on a ticket only, else ok', () => {
    expect(measuredState(0.5, [ticket, page])).toBe('critical');
    expect(measuredState(0.5, [ticket])).toBe('warning');
    expect(measuredState(0.5, [])).toBe('ok');
  });
  it('is no-data without a budget figure', () => {
    expect(measuredState(null, [])).toBe('no-data');
  });
});
