import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  BURN_RATE_WINDOWS,
  type SloState,
  type SloStatus,
} from '@reliability-suite/plugin-reliability-common';

/** Words for each live state, so a state never depends on colour alone. */
export const SLO_STATE_LABELS: Record<SloState, string> = {
  exhausted: 'Budget exhausted',
  critical: 'Burning fast',
  warning: 'Burning',
  ok: 'OK',
  'no-data': 'No data',
  unavailable: 'Unavailable',
  'not-measured': 'Not measured',
};

const useStyles = makeStyles((theme: Theme) => ({
  exhausted: { backgroundColor: theme.palette.error.main, color: '#fff' },
  critical: { backgroundColor: theme.palette.error.light },
  warning: { backgroundColor: theme.palette.warning.light },
  ok: { backgroundColor: theme.palette.success.light },
  neutral: {},
  bar: { width: 120 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/** The live state of an SLO; a missing status reads "Not measured yet". */
export function SloStateChip(props: { status: SloStatus | null | undefined }) {
  const classes = useStyles();
  const { status } = props;
  if (!status) {
    return (
      <Tooltip title="Not measured yet, or no Prometheus instance is configured">
        <Chip size="small" variant="outlined" label="Not measured" />
      </Tooltip>
    );
  }
  const className =
    status.state in classes
      ? classes[status.state as 'exhausted' | 'critical' | 'warning' | 'ok']
      : classes.neutral;
  return (
    <Tooltip
      title={status.reason ?? `Since ${status.since ?? status.measuredAt}`}
    >
      <Chip
        size="small"
        className={className}
        label={SLO_STATE_LABELS[status.state]}
      />
    </Tooltip>
  );
}

/** `53%`, or `-120%` once overspent. */
export function formatBudget(remaining: number): string {
  return `${Math.round(remaining * 100)}%`;
}

/** The error budget left as a bar and a figure; "No data" without one, never 0% or 100%. */
export function BudgetBar(props: { status: SloStatus | null | undefined }) {
  const classes = useStyles();
  const remaining = props.status?.errorBudgetRemaining;
  if (remaining === null || remaining === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        No data
      </Typography>
    );
  }
  const value = Math.max(0, Math.min(100, remaining * 100));
  return (
    <Box>
      <LinearProgress
        className={classes.bar}
        variant="determinate"
        value={value}
        color={remaining <= 0.25 ? 'secondary' : 'primary'}
        aria-label={`Error budget left: ${formatBudget(remaining)}`}
      />
      <Typography variant="caption">{formatBudget(remaining)} left</Typography>
    </Box>
  );
}

/** One chip per burn-rate window (`1h 14.4×`); a window without traffic says "no data". */
export function BurnRateChips(props: { status: SloStatus }) {
  const classes = useStyles();
  const { burnRates } = props.status;
  return (
    <Box className={classes.chips}>
      {BURN_RATE_WINDOWS.filter(window => window in burnRates).map(window => {
        const rate = burnRates[window];
        return (
          <Chip
            key={window}
            size="small"
            variant="outlined"
            label={
              rate === null || rate === undefined
                ? `${window} no data`
                : `${window} ${Math.round(rate * 10) / 10}×`
            }
          />
        );
      })}
    </Box>
  );
}

/** The multiwindow alerts that fire, or "None". */
export function FiringAlerts(props: { status: SloStatus }) {
  const { alerts } = props.status;
  if (alerts.length === 0) {
    return <Typography variant="body2">None</Typography>;
  }
  return (
    <Box>
      {alerts.map(alert => (
        <Typography
          variant="body2"
          key={`${alert.severity}-${alert.longWindow}-${alert.shortWindow}`}
        >
          {alert.severity === 'page' ? 'Page' : 'Ticket'}: {alert.threshold}×
          over {alert.longWindow} and {alert.shortWindow}
        </Typography>
      ))}
    </Box>
  );
}
