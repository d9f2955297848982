/**
 * The share of today's counts a generated demo day shows, `daysBack` days before today out of
 * `days` generated: a straight climb from half of today's coverage to today's, so the demo's
 * trends, movers and targets have a direction to show. Demo data only, never real history.
 */
export function demoHistoryFactor(daysBack: number, days: number): number {
  if (days <= 0 || daysBack <= 0) return 1;
  return 1 - 0.5 * Math.min(1, daysBack / days);
}
