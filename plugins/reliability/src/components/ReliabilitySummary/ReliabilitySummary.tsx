import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import { TierChip } from '../TierChip';
import { VerdictChip } from '../VerdictChip';

export interface ReliabilitySummaryProps {
  report: ReliabilityReport;
}

/** Tier and what it demands, readiness score and verdict, maturity against the expected level. */
export function ReliabilitySummary(props: ReliabilitySummaryProps) {
  const { report } = props;
  const { tier, readiness, maturity } = report;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <TierChip tier={tier} />
          <Typography variant="body2" color="textSecondary">
            {tier?.description ??
              (tier
                ? ''
                : 'Without a tier the checks of the least critical tier apply. Set reliability/tier.')}
          </Typography>
        </Box>
      </Grid>
      {readiness && (
        <Grid item xs={12} sm={6}>
          <Typography variant="overline" component="p">
            Readiness
          </Typography>
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <Typography variant="h5" component="p">
              {readiness.score}
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {' '}
                / 100
              </Typography>
            </Typography>
            <VerdictChip verdict={readiness.verdict} />
          </Box>
          <LinearProgress
            variant="determinate"
            value={readiness.score}
            aria-label={`Readiness score ${readiness.score} of 100`}
          />
        </Grid>
      )}
      {maturity && (
        <Grid item xs={12} sm={6}>
          <Typography variant="overline" component="p">
            Maturity
          </Typography>
          <Typography variant="h5" component="p">
            Level {maturity.level}
            {maturity.level > 0 && (
              <Typography variant="body2" component="span">
                {' '}
                {maturity.name}
              </Typography>
            )}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {maturity.expectedLevel === null
              ? 'No expected level without a tier'
              : `Expected for its tier: level ${maturity.expectedLevel}${
                  maturity.level >= maturity.expectedLevel ? ' (met)' : ''
                }`}
          </Typography>
        </Grid>
      )}
    </Grid>
  );
}
