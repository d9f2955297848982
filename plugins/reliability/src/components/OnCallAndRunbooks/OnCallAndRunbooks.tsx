import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  ANNOTATION_RUNBOOKS_REVIEWED,
  type CheckState,
  type LinkInfo,
  type ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import { daysSince, formatAge, formatDate } from '../../lib/format';
import { OnCallDetails } from '../OnCallDetails';
import { OnCallNow } from '../OnCallNow';

const useStyles = makeStyles((theme: Theme) => ({
  section: { marginBottom: theme.spacing(1.5) },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  stale: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  due: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.getContrastText(theme.palette.warning.main),
  },
}));

function LinkList(props: { links: LinkInfo[]; label: string; empty: string }) {
  const classes = useStyles();
  if (props.links.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label={props.label}>
      {props.links.map(link => (
        <li key={link.url}>
          <Link to={link.url}>{link.title}</Link>
        </li>
      ))}
    </ul>
  );
}

/** When the runbooks were reviewed, how long ago, and whether the policy considers them stale. */
function RunbookFreshness(props: {
  reviewed: string | null;
  freshness: CheckState | undefined;
}) {
  const classes = useStyles();
  if (!props.reviewed) {
    return (
      <Typography variant="body2" color="textSecondary">
        Review date not set (<code>{ANNOTATION_RUNBOOKS_REVIEWED}</code>).
      </Typography>
    );
  }
  const age = daysSince(props.reviewed);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <Typography variant="body2">
        Reviewed {formatDate(props.reviewed)}
        {age !== null && ` (${formatAge(age)})`}
      </Typography>
      {props.freshness === 'fail' && (
        <Chip size="small" label="Stale" className={classes.stale} />
      )}
      {props.freshness === 'warn' && (
        <Chip size="small" label="Review due soon" className={classes.due} />
      )}
    </Box>
  );
}

export interface OnCallAndRunbooksProps {
  report: ReliabilityReport;
  /**
   * Also list the dashboards and the on-call details: escalation ladder, next 14 days, open
   * incidents (the Reliability tab does, the overview card does not).
   */
  showDashboards?: boolean;
}

/** Who is on call now and where the runbooks (and dashboards) are. */
export function OnCallAndRunbooks(props: OnCallAndRunbooksProps) {
  const { report, showDashboards = false } = props;
  const classes = useStyles();
  const freshness = report.readiness?.checks.find(
    check => check.id === 'runbook-fresh',
  )?.state;
  return (
    <>
      <Box className={classes.section}>
        <Typography variant="subtitle2">On call</Typography>
        <OnCallNow oncall={report.oncall} />
        {showDashboards && <OnCallDetails live={report.oncall?.live} />}
      </Box>
      <Box className={classes.section}>
        <Typography variant="subtitle2">Runbooks</Typography>
        <LinkList
          links={report.runbooks}
          label="Runbooks"
          empty="No runbook. Add a link of type runbook to metadata.links."
        />
        {report.runbooks.length > 0 && (
          <RunbookFreshness
            reviewed={report.runbooksReviewed}
            freshness={freshness}
          />
        )}
      </Box>
      {showDashboards && (
        <Box className={classes.section}>
          <Typography variant="subtitle2">Dashboards</Typography>
          <LinkList
            links={report.dashboards}
            label="Dashboards"
            empty="No dashboard. Add a link of type dashboard to metadata.links."
          />
        </Box>
      )}
    </>
  );
}
