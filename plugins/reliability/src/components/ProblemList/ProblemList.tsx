import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import type { Problem } from '@reliability-suite/plugin-reliability-common';
import { useReadableStyles } from '../../lib/readableStyles';

const useStyles = makeStyles((theme: Theme) => ({
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  fix: { display: 'block', marginTop: theme.spacing(0.5) },
}));

/** Where a problem is: "./slos/checkout.yaml, document 2, spec.objectives[0].target". */
export function describeProblemLocation(problem: Problem): string | undefined {
  const parts = [
    problem.file ?? problem.field,
    problem.document !== undefined ? `document ${problem.document}` : undefined,
    problem.path,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export interface ProblemListProps {
  problems: Problem[];
}

/** Problems found in the entity's reliability data, each with where it is and how to fix it. */
export function ProblemList(props: ProblemListProps) {
  const readable = useReadableStyles();
  const classes = useStyles();
  if (props.problems.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No problems in the reliability data.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Problems">
      {props.problems.map((problem, index) => {
        const location = describeProblemLocation(problem);
        return (
          <ListItem key={index} alignItems="flex-start" disableGutters>
            <ListItemIcon>
              {problem.severity === 'error' ? (
                <ErrorIcon className={classes.error} titleAccess="Error" />
              ) : (
                <WarningIcon
                  className={classes.warning}
                  titleAccess="Warning"
                />
              )}
            </ListItemIcon>
            <ListItemText
              className={readable.wrapText}
              primary={problem.message}
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  {location && <span>{location}</span>}
                  {problem.howToFix && (
                    <span className={classes.fix}>
                      How to fix: {problem.howToFix}
                    </span>
                  )}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
