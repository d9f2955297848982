import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Button from '@material-ui/core/Button';
import { Link } from '@backstage/core-components';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { NormalizedSlo } from '@reliability-suite/plugin-reliability-common';
import { Fragment, useState } from 'react';
import { formatErrorBudget, formatTarget } from '../../lib/format';
import { useReadableStyles } from '../../lib/readableStyles';
import { SloBurnDownChart } from '../SloBurnDownChart';
import {
  BudgetBar,
  BurnRateChips,
  FiringAlerts,
  SloStateChip,
} from '../SloStatusSummary';

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
  /** The entity, to draw each SLO's burn-down chart on demand. */
  entityRef?: CompoundEntityRef;
}

/** Burn rates, firing alerts and links of a measured SLO (the full table only). */
function LiveCells(props: {
  slo: NormalizedSlo;
  chartOpen: boolean;
  onToggleChart?: () => void;
}) {
  const { slo, chartOpen, onToggleChart } = props;
  const status = slo.status;
  return (
    <>
      <TableCell>
        {status ? <BurnRateChips status={status} /> : 'No data'}
      </TableCell>
      <TableCell>{status ? <FiringAlerts status={status} /> : '–'}</TableCell>
      <TableCell>
        {status?.graphUrl && <Link to={status.graphUrl}>Prometheus graph</Link>}
        {onToggleChart && (
          <Button size="small" onClick={onToggleChart}>
            {chartOpen ? 'Hide burn-down' : 'Burn-down'}
          </Button>
        )}
      </TableCell>
    </>
  );
}

/** The entity's SLOs: SLI kind, target, window and the error budget as allowed bad time. */
export function SloTable(props: SloTableProps) {
  const readable = useReadableStyles();
  const { slos, compact = false, entityRef } = props;
  const [openChart, setOpenChart] = useState<string | null>(null);
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
          <TableCell>State</TableCell>
          <TableCell>Budget left</TableCell>
          {!compact && <TableCell>Burn rates</TableCell>}
          {!compact && <TableCell>Firing alerts</TableCell>}
          {!compact && <TableCell>Links</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {slos.map(slo => {
          const key = `${slo.document}:${slo.name}`;
          const chartOpen = openChart === key;
          return (
            <Fragment key={key}>
              <TableRow>
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
                <TableCell>
                  <SloStateChip status={slo.status} />
                </TableCell>
                <TableCell>
                  <BudgetBar status={slo.status} />
                </TableCell>
                {!compact && (
                  <LiveCells
                    slo={slo}
                    chartOpen={chartOpen}
                    onToggleChart={
                      entityRef
                        ? () => setOpenChart(chartOpen ? null : key)
                        : undefined
                    }
                  />
                )}
              </TableRow>
              {chartOpen && entityRef && (
                <TableRow>
                  <TableCell colSpan={12}>
                    <SloBurnDownChart entityRef={entityRef} slo={slo.name} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
