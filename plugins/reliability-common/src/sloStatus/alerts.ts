import type { BurnRateWindow, SloAlert, SloState } from '../types';

/** A multiwindow burn-rate alert: fires when both windows burn at or above the threshold. */
export type AlertPair = SloAlert;

/** Google SRE workbook defaults (for a 30-day window). */
export const DEFAULT_ALERT_PAIRS: readonly AlertPair[] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', threshold: 6 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', threshold: 3 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', threshold: 1 },
];

/** The pairs that fire; a window without data never fires. */
export function firingAlerts(
  burnRates: Partial<Record<BurnRateWindow, number | null>>,
  pairs: readonly AlertPair[] = DEFAULT_ALERT_PAIRS,
): SloAlert[] {
  const atLeast = (window: BurnRateWindow, threshold: number) => {
    const rate = burnRates[window];
    return rate !== undefined && rate !== null && rate >= threshold;
  };
  return pairs
    .filter(
      pair =>
        atLeast(pair.longWindow, pair.threshold) &&
        atLeast(pair.shortWindow, pair.threshold),
    )
    .map(pair => ({ ...pair }));
}

/**
 * The state of a measured SLO: exhausted when the budget is spent, else critical when a page
 * alert fires, else warning when a ticket alert fires, else ok. No SLI is no data.
 */
export function measuredState(
  errorBudgetRemaining: number | null,
  alerts: SloAlert[],
): SloState {
  if (errorBudgetRemaining === null) {
    return 'no-data';
  }
  if (errorBudgetRemaining <= 0) {
    return 'exhausted';
  }
  if (alerts.some(alert => alert.severity === 'page')) {
    return 'critical';
  }
  if (alerts.some(alert => alert.severity === 'ticket')) {
    return 'warning';
  }
  return 'ok';
}
