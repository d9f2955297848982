import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import GavelIcon from '@material-ui/icons/Gavel';
import CancelIcon from '@material-ui/icons/Cancel';
import WarningIcon from '@material-ui/icons/Warning';
import BlockIcon from '@material-ui/icons/Block';
import type {
  GateDecision,
  Verdict,
} from '@reliability-suite/plugin-reliability-common';

const useStyles = makeStyles((theme: Theme) => {
  const solid = (background: string) => ({
    backgroundColor: background,
    color: theme.palette.getContrastText(background),
    '& svg': { color: theme.palette.getContrastText(background) },
  });
  return {
    good: solid(theme.palette.success.dark),
    caveat: solid(theme.palette.info.dark),
    warn: solid(theme.palette.warning.main),
    bad: solid(theme.palette.error.dark),
  };
});

const VERDICTS = {
  ready: { label: 'Ready', tone: 'good', icon: <CheckCircleIcon /> },
  'ready-with-waivers': {
    label: 'Ready with waivers',
    tone: 'caveat',
    icon: <GavelIcon />,
  },
  'not-ready': { label: 'Not ready', tone: 'bad', icon: <CancelIcon /> },
} as const;

const DECISIONS = {
  allow: { label: 'Allow', tone: 'good', icon: <CheckCircleIcon /> },
  warn: { label: 'Warn', tone: 'warn', icon: <WarningIcon /> },
  block: { label: 'Block', tone: 'bad', icon: <BlockIcon /> },
} as const;

/** The readiness verdict as a labelled chip. */
export function VerdictChip(props: {
  verdict: Verdict;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const { label, tone, icon } = VERDICTS[props.verdict];
  return (
    <Chip
      size={props.size ?? 'small'}
      label={label}
      icon={icon}
      aria-label={`Verdict: ${label}`}
      data-verdict={props.verdict}
      className={classes[tone]}
    />
  );
}

/** The release-gate decision as a labelled chip. */
export function GateDecisionChip(props: {
  decision: GateDecision;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const { label, tone, icon } = DECISIONS[props.decision];
  return (
    <Chip
      size={props.size ?? 'small'}
      label={label}
      icon={icon}
      aria-label={`Gate decision: ${label}`}
      data-decision={props.decision}
      className={classes[tone]}
    />
  );
}
