import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { CheckResult } from '@reliability-suite/plugin-reliability-common';
import { CheckStateChip } from '../CheckStateChip';
import { needsFix } from '../ReliabilityChecklist';
import { useReadableStyles } from '../../lib/readableStyles';

export interface ReliabilityGapsProps {
  checks: CheckResult[];
  /** How many gaps to list before pointing to the tab. */
  limit?: number;
}

/** The required checks that fail or cannot be read, blocking ones first, each with its fix. */
export function ReliabilityGaps(props: ReliabilityGapsProps) {
  const readable = useReadableStyles();
  const { checks, limit = 5 } = props;
  const gaps = checks
    .filter(check => check.required && needsFix(check))
    .sort((a, b) => Number(b.blocking) - Number(a.blocking));
  if (gaps.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Every required check passes.
      </Typography>
    );
  }
  return (
    <>
      <List dense aria-label="What is missing" disablePadding>
        {gaps.slice(0, limit).map(check => (
          <ListItem key={check.id} disableGutters alignItems="flex-start">
            <Box mr={1} mt={0.5}>
              <CheckStateChip state={check.state} />
            </Box>
            <ListItemText
              className={readable.wrapText}
              primary={`${check.title}${check.blocking ? ' (blocking)' : ''}`}
              secondary={check.howToFix || check.message}
            />
          </ListItem>
        ))}
      </List>
      {gaps.length > limit && (
        <Typography variant="caption" color="textSecondary">
          and {gaps.length - limit} more in the Reliability tab
        </Typography>
      )}
    </>
  );
}
