import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { NormalizedSlo } from '@reliability-suite/plugin-reliability-common';
import { formatErrorBudget, formatTarget } from '../../lib/format';
import { useReadableStyles } from '../../lib/readableStyles';

const SOURCE_LABELS: Record<NormalizedSlo['source'], string> = {
  openslo: 'OpenSLO',
  sloth: 'Sloth',
  pyrra: 'Pyrra',
  nobl9: 'Nobl9',
};

export interface SloTableProps {
  slos: NormalizedSlo[];
  /** Fewer columns, for the overview card. */
  compact?: boolean;
}

/** The entity's SLOs: SLI kind, target, window and the error budget as allowed bad time. */
export function SloTable(props: SloTableProps) {
  const readable = useReadableStyles();
  const { slos, compact = false } = props;
  if (slos.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No valid SLO. Point the <code>reliability/slo-ref</code> annotation at
        an OpenSLO, Sloth, Pyrra or Nobl9 file.
      </Typography>
    );
  }
  return (
    <Table
      size="small"
      className={readable.table}
      aria-label="Service level objectives"
    >
      <TableHead>
        <TableRow>
          <TableCell>SLO</TableCell>
          <TableCell>SLI</TableCell>
          <TableCell align="right">Target</TableCell>
          <TableCell>Window</TableCell>
          <TableCell align="right">Error budget</TableCell>
          {!compact && <TableCell>Alerting</TableCell>}
          {!compact && <TableCell>Source</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {slos.map(slo => (
          <TableRow key={`${slo.document}:${slo.name}`}>
            <TableCell>
              <Typography variant="body2">{slo.name}</Typography>
              {!compact && slo.description && (
                <Typography variant="caption" color="textSecondary">
                  {slo.description}
                </Typography>
              )}
            </TableCell>
            <TableCell>{slo.sli}</TableCell>
            <TableCell align="right">{formatTarget(slo.target)}</TableCell>
            <TableCell>
              {slo.window}
              {!compact && slo.rolling === false && ' (calendar)'}
            </TableCell>
            <TableCell align="right">{formatErrorBudget(slo)}</TableCell>
            {!compact && (
              <TableCell>
                {slo.hasAlerting ? 'Burn-rate alerts' : 'None'}
              </TableCell>
            )}
            {!compact && <TableCell>{SOURCE_LABELS[slo.source]}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
