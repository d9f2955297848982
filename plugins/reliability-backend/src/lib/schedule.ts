import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConfigReader, type Config } from '@backstage/config';

export const EVALUATION_TASK_ID = 'reliability-evaluate-catalog';

export const DEFAULT_EVALUATION_SCHEDULE = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 15 },
  scope: 'global',
} as const satisfies SchedulerServiceTaskScheduleDefinition;

/**
 * The full evaluation's schedule: `reliability.schedule` (any of frequency, timeout,
 * initialDelay, scope, in the scheduler's usual config forms) over the defaults.
 */
export function readEvaluationSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const configured = config.getOptionalConfig('reliability.schedule');
  if (!configured) {
    return DEFAULT_EVALUATION_SCHEDULE;
  }
  return readSchedulerServiceTaskScheduleDefinitionFromConfig(
    new ConfigReader({
      ...DEFAULT_EVALUATION_SCHEDULE,
      ...(configured.get() as object),
    }),
  );
}
