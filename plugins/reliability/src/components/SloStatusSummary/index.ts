export {
  SloStateChip,
  BudgetBar,
  BurnRateChips,
  FiringAlerts,
  formatBudget,
  SLO_STATE_LABELS,
} from './SloStatusSummary';
