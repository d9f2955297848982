import { useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import ListSubheader from '@material-ui/core/ListSubheader';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import type {
  EntityListFilter,
  TeamMovement,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { CardError, usePageRetry } from '../PageErrors';
import { formatRatio, shortRef } from '../../lib/coverageFormat';
import { useReadableStyles } from '../../lib/readableStyles';

function Movement(props: {
  movement: TeamMovement;
  linkTo: (changes: Partial<EntityListFilter>) => string;
}) {
  const readable = useReadableStyles();
  const { movement, linkTo } = props;
  const sign = movement.delta > 0 ? '+' : '';
  return (
    <ListItem>
      <ListItemText
        className={readable.wrapText}
        primary={
          <Link to={linkTo({ owner: movement.owner })}>
            {shortRef(movement.owner)}
          </Link>
        }
        secondary={`${formatRatio(movement.from)} → ${formatRatio(
          movement.to,
        )} (${sign}${Math.round(movement.delta * 1000) / 10} points)`}
      />
    </ListItem>
  );
}

export interface TeamMoversProps {
  filter: EntityListFilter;
  linkTo: (changes: Partial<EntityListFilter>) => string;
}

/** The teams whose SLO coverage moved most over 30 and 90 days. */
export function TeamMovers(props: TeamMoversProps) {
  const api = useApi(reliabilityApiRef);
  const [windowIndex, setWindowIndex] = useState(0);
  const { system, ...filter } = props.filter;
  const attempt = usePageRetry();
  const { value, loading, error } = useAsync(
    () => api.getCoverageMovers({ measure: 'withSlo', limit: 5, filter }),
    [api, JSON.stringify(filter), attempt],
  );
  const window = value?.windows[windowIndex];

  return (
    <InfoCard title="Teams: SLO coverage movers">
      {loading && <Progress />}
      <CardError error={error} />
      {value && (
        <>
          <Tabs
            value={windowIndex}
            onChange={(_event, index) => setWindowIndex(index)}
            aria-label="Period"
          >
            {value.windows.map(w => (
              <Tab key={w.days} label={`${w.days} days`} />
            ))}
          </Tabs>
          {window && !window.fromDay && (
            <Typography variant="body2">
              Not enough history yet: movers need daily snapshots at least{' '}
              {window.days} days apart.
            </Typography>
          )}
          {window && window.fromDay && (
            <List dense>
              <ListSubheader disableSticky>Most improved</ListSubheader>
              {window.mostImproved.length === 0 && (
                <ListItem>
                  <ListItemText secondary="No team improved." />
                </ListItem>
              )}
              {window.mostImproved.map(movement => (
                <Movement
                  key={movement.owner}
                  movement={movement}
                  linkTo={props.linkTo}
                />
              ))}
              <ListSubheader disableSticky>Most regressed</ListSubheader>
              {window.mostRegressed.length === 0 && (
                <ListItem>
                  <ListItemText secondary="No team regressed." />
                </ListItem>
              )}
              {window.mostRegressed.map(movement => (
                <Movement
                  key={movement.owner}
                  movement={movement}
                  linkTo={props.linkTo}
                />
              ))}
            </List>
          )}
        </>
      )}
    </InfoCard>
  );
}
