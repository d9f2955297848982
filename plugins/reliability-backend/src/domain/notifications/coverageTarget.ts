import type { TargetStatus } from '@reliability-suite/plugin-reliability-common';
import { NOTIFICATION_TOPICS, type NotificationIntent } from './types';

/** A target's id, stable across restarts: its configured fields. */
export function coverageTargetId(target: {
  tier?: number;
  owner?: string;
  measure: string;
  target: number;
  by: string;
}): string {
  return [
    target.tier ?? 'all',
    target.owner ?? 'everyone',
    target.measure,
    target.target,
    target.by,
  ].join(':');
}

/** The coverage page, where targets are listed. */
export const COVERAGE_PATH = '/reliability';

/**
 * The configured recipients' notification when a coverage target turns off track (from
 * on-track or met, or on its first evaluation). Keyed per target and day, so one target
 * flapping within a day notifies once; scoped per target.
 */
export function decideCoverageOffTrack(options: {
  targetId: string;
  description: string;
  explanation: string;
  before: TargetStatus | null;
  after: TargetStatus;
  recipients: readonly string[];
  today: string;
}): NotificationIntent | null {
  const { before, after, recipients } = options;
  if (
    after !== 'off-track' ||
    before === 'off-track' ||
    recipients.length === 0
  ) {
    return null;
  }
  return {
    key: `coverage-off-track:${options.targetId}:${options.today}`,
    recipients: [...recipients],
    payload: {
      title: `Coverage target off track: ${options.description}`,
      description: `${options.explanation} Look at the failing checks on the Reliability page and the teams behind them.`,
      link: COVERAGE_PATH,
      severity: 'high',
      topic: NOTIFICATION_TOPICS.coverageOffTrack,
      scope: `reliability:coverage-target:${options.targetId}`,
    },
  };
}
