import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import {
  defaultPolicy,
  type CheckResult,
  type MaturityResult,
} from '@reliability-suite/plugin-reliability-common';
import { CheckStateChip } from '../CheckStateChip';
import { useReadableStyles } from '../../lib/readableStyles';

/** Level names of the default policy; the report's names win. */
export const DEFAULT_MATURITY_LEVEL_NAMES: Record<number, string> =
  Object.fromEntries(
    defaultPolicy.maturityLevels.map(level => [level.level, level.name]),
  );

function levelNames(maturity: MaturityResult): Record<number, string> {
  const names = { ...DEFAULT_MATURITY_LEVEL_NAMES };
  if (maturity.level > 0) {
    names[maturity.level] = maturity.name;
  }
  if (maturity.next) {
    names[maturity.next.level] = maturity.next.name;
  }
  return names;
}

export interface MaturityLadderProps {
  maturity: MaturityResult;
  /** The report's checks, to show the state and fix of each missing one. */
  checks: CheckResult[];
}

/** Levels 1..n as a ladder, the current and expected level, and what the next level needs. */
export function MaturityLadder(props: MaturityLadderProps) {
  const readable = useReadableStyles();
  const { maturity, checks } = props;
  const names = levelNames(maturity);
  const topLevel = Math.max(
    defaultPolicy.maturityLevels.length,
    maturity.level,
    maturity.expectedLevel ?? 0,
    maturity.next?.level ?? 0,
  );
  const levels = Array.from({ length: topLevel }, (_, i) => i + 1);
  const checksById = new Map(checks.map(check => [check.id, check]));
  const belowExpected =
    maturity.expectedLevel !== null && maturity.level < maturity.expectedLevel;

  return (
    <Box>
      <Typography variant="body1">
        Level {maturity.level}
        {maturity.level > 0 && ` — ${maturity.name}`}
        {maturity.expectedLevel !== null &&
          `, expected level ${maturity.expectedLevel} for its tier`}
        {belowExpected && ' (below expectation)'}
      </Typography>
      <Stepper
        activeStep={maturity.level}
        alternativeLabel
        aria-label="Maturity ladder"
      >
        {levels.map(level => (
          <Step
            key={level}
            completed={level <= maturity.level}
            data-testid={`maturity-level-${level}`}
          >
            <StepLabel
              optional={
                <Box display="flex" justifyContent="center" style={{ gap: 4 }}>
                  {level === maturity.level && (
                    <Chip size="small" label="Current" color="primary" />
                  )}
                  {level === maturity.expectedLevel && (
                    <Chip size="small" label="Expected" variant="outlined" />
                  )}
                </Box>
              }
            >
              {level}. {names[level] ?? `Level ${level}`}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      {maturity.next ? (
        <>
          <Typography variant="subtitle2">
            To reach level {maturity.next.level} ({maturity.next.name}), fix:
          </Typography>
          <List dense aria-label="Checks missing for the next level">
            {maturity.next.missing.map(id => {
              const check = checksById.get(id);
              return (
                <ListItem key={id} disableGutters>
                  {check && (
                    <Box mr={1}>
                      <CheckStateChip
                        state={check.state}
                        underlyingState={check.underlyingState}
                      />
                    </Box>
                  )}
                  <ListItemText
                    className={readable.wrapText}
                    primary={check?.title ?? id}
                    secondary={check?.howToFix || check?.message}
                  />
                </ListItem>
              );
            })}
          </List>
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          The top of the ladder: every maturity check is met.
        </Typography>
      )}
    </Box>
  );
}
