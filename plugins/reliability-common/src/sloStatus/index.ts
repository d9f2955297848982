export {
  BURN_RATE_WINDOWS,
  burnWindowSeconds,
  promDuration,
  measuredWindow,
  calendarPeriodStart,
  type MeasuredWindow,
} from './windows';
export {
  errorBudgetRemaining,
  burnRate,
  errorRatioOfEvents,
  errorRatioOfRatio,
  timesliceSli,
  type Measured,
} from './budget';
export {
  DEFAULT_ALERT_PAIRS,
  firingAlerts,
  measuredState,
  type AlertPair,
} from './alerts';
export {
  templateWindow,
  isWindowedQuery,
  countOverWindow,
  ratioOverWindow,
  subqueryStep,
  type PlannedQuery,
} from './queries';
export {
  planMeasurement,
  statusFromAnswers,
  statusWithoutFigures,
  withSince,
  errorRatioExpr,
  prometheusGraphUrl,
  type MeasurementPlan,
  type QueryAnswers,
} from './status';
export { batchQuery, BATCH_LABEL } from './batch';
