import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_EVALUATION_SCHEDULE,
  readEvaluationSchedule,
} from './schedule';

describe('readEvaluationSchedule', () => {
  it('defaults to every 10 minutes, 15-minute timeout, 15 s initial delay, global', () => {
    expect(readEvaluationSchedule(new ConfigReader({}))).toEqual({
      frequency: { minutes: 10 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 15 },
      scope: 'global',
    });
    expect(DEFAULT_EVALUATION_SCHEDULE.scope).toBe('global');
  });

  it('overrides only what is configured, in the scheduler config forms', () => {
    expect(
      readEvaluationSchedule(
        new ConfigReader({
          reliability: { schedule: { frequency: { cron: '*/5 * * * *' } } },
        }),
      ),
    ).toEqual({
      frequency: { cron: '*/5 * * * *' },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 15 },
      scope: 'global',
    });
    expect(
      readEvaluationSchedule(
        new ConfigReader({
          reliability: {
            schedule: { frequency: 'PT30M', timeout: { hours: 1 } },
          },
        }),
      ),
    ).toMatchObject({ timeout: { hours: 1 } });
  });

  it('rejects an invalid schedule naming the key', () => {
    expect(() =>
      readEvaluationSchedule(
        new ConfigReader({ reliability: { schedule: { frequency: 'often' } } }),
      ),
    ).toThrow(/frequency/);
  });
});
