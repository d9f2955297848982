import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type { TierInfo } from '@reliability-suite/plugin-reliability-common';

const useStyles = makeStyles((theme: Theme) => ({
  // Darker for the more critical tiers: 0 is the most critical.
  critical: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  high: {
    backgroundColor: theme.palette.warning.dark,
    color: theme.palette.warning.contrastText,
  },
  standard: {
    backgroundColor: theme.palette.primary.main,
    color: theme.palette.primary.contrastText,
  },
  untiered: {
    border: `1px dashed ${theme.palette.text.secondary}`,
    backgroundColor: 'transparent',
  },
}));

export interface TierChipProps {
  tier: TierInfo | null;
  size?: 'small' | 'medium';
}

/** The entity's tier; hovering shows what the tier demands. */
export function TierChip(props: TierChipProps) {
  const { tier, size = 'small' } = props;
  const classes = useStyles();
  if (!tier) {
    return (
      <Tooltip title="No valid reliability/tier annotation">
        <Chip
          size={size}
          label="Untiered"
          aria-label="Untiered: no valid reliability/tier annotation"
          className={classes.untiered}
        />
      </Tooltip>
    );
  }
  let className = classes.standard;
  if (tier.level === 0) {
    className = classes.critical;
  } else if (tier.level === 1) {
    className = classes.high;
  }
  const chip = (
    <Chip
      size={size}
      label={tier.name}
      className={className}
      aria-label={
        tier.description ? `${tier.name}: ${tier.description}` : tier.name
      }
    />
  );
  return tier.description ? (
    <Tooltip title={tier.description}>{chip}</Tooltip>
  ) : (
    chip
  );
}
