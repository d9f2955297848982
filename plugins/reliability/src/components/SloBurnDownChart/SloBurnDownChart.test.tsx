import { toBurnDownData } from './SloBurnDownChart';

describe('toBurnDownData', () => {
  it('gives the budget left in percent and leaves gaps where there was no data', () => {
    expect(
      toBurnDownData([
        {
          measuredAt: '2026-12-07T09:00:00.000Z',
          state: 'ok',
          sli: 0.9995,
          errorBudgetRemaining: 0.5312,
        },
        {
          measuredAt: '2026-12-07T10:00:00.000Z',
          state: 'no-data',
          sli: null,
          errorBudgetRemaining: null,
        },
        {
          measuredAt: '2026-12-07T11:00:00.000Z',
          state: 'exhausted',
          sli: 0.998,
          errorBudgetRemaining: -1,
        },
      ]),
    ).toEqual([
      { time: '2026-12-07 09:00', budget: 53.1 },
      { time: '2026-12-07 10:00', budget: null },
      { time: '2026-12-07 11:00', budget: -100 },
    ]);
  });
});
