import type { ReactElement } from 'react';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import WarningIcon from '@material-ui/icons/Warning';
import CancelIcon from '@material-ui/icons/Cancel';
import HelpIcon from '@material-ui/icons/Help';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import GavelIcon from '@material-ui/icons/Gavel';
import type { CheckState } from '@reliability-suite/plugin-reliability-common';

interface CheckStateStyle {
  label: string;
  description: string;
  icon: ReactElement;
}

/** Each state has its own colour, icon and words, so it never depends on colour alone. */
export const CHECK_STATE_PRESENTATION: Record<CheckState, CheckStateStyle> = {
  pass: {
    label: 'Pass',
    description: 'The check passes',
    icon: <CheckCircleIcon />,
  },
  warn: {
    label: 'Warn',
    description: 'The check passes with a caveat',
    icon: <WarningIcon />,
  },
  fail: {
    label: 'Fail',
    description: 'The check fails',
    icon: <CancelIcon />,
  },
  unknown: {
    label: 'Unknown',
    description: 'The data for this check could not be read',
    icon: <HelpIcon />,
  },
  'not-applicable': {
    label: 'Not applicable',
    description: 'The check does not apply to this entity',
    icon: <RemoveCircleOutlineIcon />,
  },
  waived: {
    label: 'Waived',
    description: 'An approved, unexpired waiver covers this check',
    icon: <GavelIcon />,
  },
};

const useStyles = makeStyles((theme: Theme) => {
  const solid = (background: string) => ({
    backgroundColor: background,
    color: theme.palette.getContrastText(background),
    '& $icon': { color: theme.palette.getContrastText(background) },
  });
  return {
    icon: {},
    pass: solid(theme.palette.success.dark),
    warn: solid(theme.palette.warning.main),
    fail: solid(theme.palette.error.dark),
    unknown: solid(theme.palette.grey[600]),
    'not-applicable': {
      backgroundColor: 'transparent',
      color: theme.palette.text.secondary,
      border: `1px dashed ${theme.palette.text.secondary}`,
      '& $icon': { color: theme.palette.text.secondary },
    },
    waived: solid(theme.palette.info.dark),
    // An optional check that is not met never counts against the verdict: no alarm colour.
    optional: {
      backgroundColor: 'transparent',
      color: theme.palette.text.primary,
      border: `1px solid ${theme.palette.text.secondary}`,
      '& $icon': { color: theme.palette.text.secondary },
    },
  };
});

export interface CheckStateChipProps {
  state: CheckState;
  /** For a waived check: the state the waiver covers. */
  underlyingState?: CheckState;
  size?: 'small' | 'medium';
  /** An optional check: an unmet state is shown neutral, labelled "optional". */
  optional?: boolean;
}

const UNMET: CheckState[] = ['fail', 'unknown', 'warn'];

/** The state of one check as a labelled, coloured chip with an icon. */
export function CheckStateChip(props: CheckStateChipProps) {
  const { state, underlyingState, size = 'small', optional = false } = props;
  const neutral = optional && UNMET.includes(state);
  const classes = useStyles();
  const presentation = CHECK_STATE_PRESENTATION[state];
  const detail =
    state === 'waived' && underlyingState
      ? `${presentation.description} (otherwise ${CHECK_STATE_PRESENTATION[
          underlyingState
        ].label.toLocaleLowerCase('en-US')})`
      : presentation.description;
  const label = neutral
    ? `${presentation.label} (optional)`
    : presentation.label;
  return (
    <Tooltip title={detail}>
      <Chip
        size={size}
        label={label}
        icon={presentation.icon}
        aria-label={`${label}: ${detail}`}
        data-state={state}
        data-optional={optional || undefined}
        classes={{
          root: neutral ? classes.optional : classes[state],
          icon: classes.icon,
        }}
      />
    </Tooltip>
  );
}
