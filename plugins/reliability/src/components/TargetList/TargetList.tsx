import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type {
  EntityListFilter,
  TargetReport,
  TargetStatus,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { CardError, usePageRetry } from '../PageErrors';
import { formatRatio } from '../../lib/coverageFormat';
import { useReadableStyles } from '../../lib/readableStyles';

const useStyles = makeStyles((theme: Theme) => {
  const solid = (background: string) => ({
    backgroundColor: background,
    color: theme.palette.getContrastText(background),
  });
  return {
    met: solid(theme.palette.success.dark),
    'on-track': solid(theme.palette.info.dark),
    'off-track': solid(theme.palette.error.dark),
    'no-trend': solid(theme.palette.grey[700]),
    item: { alignItems: 'flex-start', gap: theme.spacing(1) },
  };
});

const STATUS_LABELS: Record<TargetStatus, string> = {
  met: 'Met',
  'on-track': 'On track',
  'off-track': 'Off track',
  'no-trend': 'Not enough history',
};

function targetFilter(target: TargetReport): EntityListFilter {
  const filter: EntityListFilter = {};
  if (target.tier !== undefined) filter.tier = [target.tier];
  if (target.owner) filter.owner = target.owner;
  return filter;
}

function TargetItem(props: {
  target: TargetReport;
  linkFresh: (filter: EntityListFilter) => string;
}) {
  const readable = useReadableStyles();
  const { target, linkFresh } = props;
  const classes = useStyles();
  const base = targetFilter(target);
  const missing = target.total - target.count;
  return (
    <ListItem className={classes.item} data-target-status={target.status}>
      <Chip
        size="small"
        label={STATUS_LABELS[target.status]}
        className={classes[target.status]}
      />
      <ListItemText
        className={readable.wrapText}
        primary={target.title}
        secondary={
          <>
            <Typography variant="body2" component="span">
              <Link to={linkFresh({ ...base, stage: target.measure })}>
                {target.count}
              </Link>{' '}
              of <Link to={linkFresh(base)}>{target.total}</Link> (
              {formatRatio(target.current)})
              {missing > 0 && (
                <>
                  {', '}
                  <Link to={linkFresh({ ...base, missing: target.measure })}>
                    {missing} to go
                  </Link>
                </>
              )}
              {target.projected !== null && target.status !== 'met' && (
                <>
                  {' '}
                  · projected {formatRatio(target.projected)} by {target.by}
                </>
              )}
            </Typography>
            <Typography variant="caption" component="span" display="block">
              {target.explanation}
            </Typography>
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
      />
    </ListItem>
  );
}

export interface TargetListProps {
  linkFresh: (filter: EntityListFilter) => string;
}

/** The configured coverage targets with their status (`reliability.coverage.targets`). */
export function TargetList(props: TargetListProps) {
  const api = useApi(reliabilityApiRef);
  const attempt = usePageRetry();
  const { value, loading, error } = useAsync(
    () => api.getCoverageTargets(),
    [api, attempt],
  );
  return (
    <InfoCard title="Targets">
      {loading && <Progress />}
      <CardError error={error} />
      {value && value.targets.length === 0 && (
        <Typography>
          No targets configured. Add them under{' '}
          <code>reliability.coverage.targets</code>, e.g. 80% of tier-1 services
          with an SLO by a date.
        </Typography>
      )}
      {value && value.targets.length > 0 && (
        <List dense aria-label="Coverage targets">
          {value.targets.map((target, index) => (
            <TargetItem
              key={index}
              target={target}
              linkFresh={props.linkFresh}
            />
          ))}
        </List>
      )}
    </InfoCard>
  );
}
