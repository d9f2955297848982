import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type { CheckResult } from '@reliability-suite/plugin-reliability-common';
import { CheckStateChip } from '../CheckStateChip';
import { CheckDetails } from './CheckDetails';

const PASSING = new Set(['pass', 'warn', 'waived']);

const useStyles = makeStyles((theme: Theme) => ({
  area: { marginBottom: theme.spacing(2) },
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1.5),
    padding: theme.spacing(1, 0),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  state: { minWidth: 132, flexShrink: 0 },
  markers: {
    display: 'inline-flex',
    gap: theme.spacing(0.5),
    marginLeft: theme.spacing(1),
  },
}));

/** Checks grouped by area, areas in the order the policy lists them. */
export function groupChecksByArea(
  checks: CheckResult[],
): Array<[string, CheckResult[]]> {
  const groups = new Map<string, CheckResult[]>();
  for (const check of checks) {
    const group = groups.get(check.area) ?? [];
    group.push(check);
    groups.set(check.area, group);
  }
  return [...groups.entries()];
}

function CheckRow(props: { check: CheckResult }) {
  const { check } = props;
  const classes = useStyles();
  return (
    <li
      className={classes.row}
      // Notifications link here: .../reliability#check-<id>.
      id={`check-${check.id}`}
      data-testid={`check-${check.id}`}
    >
      <span className={classes.state}>
        <CheckStateChip
          state={check.state}
          underlyingState={check.underlyingState}
          optional={!check.required}
        />
      </span>
      <Box flexGrow={1}>
        <Typography variant="body1" component="span">
          {check.title}
        </Typography>
        <span className={classes.markers}>
          {check.required ? (
            <Chip size="small" variant="outlined" label="Required" />
          ) : (
            <Chip size="small" variant="outlined" label="Optional" />
          )}
          {check.blocking && (
            <Chip
              size="small"
              variant="outlined"
              color="secondary"
              label="Blocking"
            />
          )}
          {check.kind === 'attested' && (
            <Chip size="small" variant="outlined" label="Attested" />
          )}
        </span>
        <CheckDetails check={check} />
      </Box>
    </li>
  );
}

export interface ReliabilityChecklistProps {
  checks: CheckResult[];
}

/** The readiness checklist: every check with its state, markers, message and how to fix it. */
export function ReliabilityChecklist(props: ReliabilityChecklistProps) {
  const classes = useStyles();
  return (
    <>
      {groupChecksByArea(props.checks).map(([area, checks]) => {
        const counted = checks.filter(
          c => c.required && c.state !== 'not-applicable',
        );
        const passing = counted.filter(c => PASSING.has(c.state));
        return (
          <section key={area} className={classes.area} aria-label={area}>
            <Typography variant="h6" component="h3">
              {area}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {counted.length === 0
                ? 'Only optional checks: none counts towards the verdict'
                : `${passing.length} of ${counted.length} required ${
                    counted.length === 1 ? 'check passes' : 'checks pass'
                  }`}
            </Typography>
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {checks.map(check => (
                <CheckRow key={check.id} check={check} />
              ))}
            </Box>
          </section>
        );
      })}
    </>
  );
}
