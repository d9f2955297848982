import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableContainer from '@material-ui/core/TableContainer';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { OnCallLive } from '@reliability-suite/plugin-reliability-common';
import { formatUtcDateTime } from '../../lib/format';
import { useReadableStyles } from '../../lib/readableStyles';
import { OnCallPersonLine } from '../OnCallNow';

export interface OnCallDetailsProps {
  live: OnCallLive | null | undefined;
}

/**
 * The escalation ladder, the next 14 days (shifts and uncovered stretches) and open incidents,
 * for the Reliability tab. Nothing when there is no usable live data.
 */
export function OnCallDetails(props: OnCallDetailsProps) {
  const { live } = props;
  const readable = useReadableStyles();
  if (!live || live.state !== 'ok' || live.levels.length === 0) {
    return null;
  }
  return (
    <Box mt={1}>
      <Typography variant="subtitle2">Escalation</Typography>
      <ol aria-label="Escalation levels" style={{ marginTop: 0 }}>
        {live.levels.map(level => (
          <li key={level.level}>
            <Typography variant="body2" component="span">
              {level.name ? `${level.name}: ` : ''}
              {level.onCall.length === 0
                ? 'nobody on call'
                : level.onCall.map((person, index) => (
                    <span key={person.ref ?? person.name}>
                      {index > 0 && '; '}
                      <OnCallPersonLine person={person} />
                    </span>
                  ))}
            </Typography>
          </li>
        ))}
      </ol>
      <Typography variant="subtitle2">
        Next 14 days ({live.peopleNext14Days}{' '}
        {live.peopleNext14Days === 1 ? 'person' : 'people'})
      </Typography>
      {live.gapsNext14Days.length > 0 && (
        <Typography variant="body2" color="error" aria-label="Uncovered time">
          Nobody on call:{' '}
          {live.gapsNext14Days
            .map(
              gap =>
                `${formatUtcDateTime(gap.start)} – ${formatUtcDateTime(
                  gap.end,
                )}`,
            )
            .join('; ')}
        </Typography>
      )}
      {live.shifts && live.shifts.length > 0 && (
        <TableContainer>
          <Table
            size="small"
            className={readable.table}
            aria-label="Next 14 days"
          >
            <TableHead>
              <TableRow>
                <TableCell>Level</TableCell>
                <TableCell>Who</TableCell>
                <TableCell>From</TableCell>
                <TableCell>To</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {live.shifts.map(shift => (
                <TableRow key={`${shift.level}-${shift.start}`}>
                  <TableCell>{shift.level}</TableCell>
                  <TableCell>{shift.name}</TableCell>
                  <TableCell>{formatUtcDateTime(shift.start)}</TableCell>
                  <TableCell>{formatUtcDateTime(shift.end)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {live.incidents && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 8 }}>
            Open incidents
          </Typography>
          {live.incidents.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              None.
            </Typography>
          ) : (
            <ul aria-label="Open incidents" style={{ marginTop: 0 }}>
              {live.incidents.map(incident => (
                <li key={incident.id}>
                  <Typography variant="body2" component="span">
                    {incident.url ? (
                      <Link to={incident.url}>{incident.title}</Link>
                    ) : (
                      incident.title
                    )}{' '}
                    ({incident.status}, since{' '}
                    {formatUtcDateTime(incident.createdAt)})
                  </Typography>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Typography variant="caption" color="textSecondary">
        As of {formatUtcDateTime(live.fetchedAt)}
      </Typography>
    </Box>
  );
}
