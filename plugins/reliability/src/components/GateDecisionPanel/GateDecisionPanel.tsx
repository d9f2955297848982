import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { GateResult } from '@reliability-suite/plugin-reliability-common';
import { GateDecisionChip } from '../VerdictChip';

export interface GateDecisionPanelProps {
  gate: GateResult;
}

/** What the release gate would answer a CI pipeline now, and why. */
export function GateDecisionPanel(props: GateDecisionPanelProps) {
  const { gate } = props;
  return (
    <Box>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <GateDecisionChip decision={gate.decision} />
        <Typography variant="body2" color="textSecondary">
          {gate.enforced
            ? 'Enforced for this tier: blocking checks stop releases.'
            : 'Advisory for this tier: releases are never blocked.'}
        </Typography>
      </Box>
      {gate.reasons.length > 0 ? (
        <ul aria-label="Gate reasons">
          {gate.reasons.map(reason => (
            <li key={reason}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2">
          Every check the gate looks at passes.
        </Typography>
      )}
    </Box>
  );
}
