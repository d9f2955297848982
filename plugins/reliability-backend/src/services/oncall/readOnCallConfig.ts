import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConfigReader, type Config } from '@backstage/config';
import {
  parseRotationsConfig,
  type Rotation,
} from '@reliability-suite/plugin-reliability-common';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyVendor } from './PagerDutyVendor';
import { OpsgenieClient } from './OpsgenieClient';
import { OpsgenieVendor } from './OpsgenieVendor';
import { SplunkOnCallClient } from './SplunkOnCallClient';
import { SplunkOnCallVendor } from './SplunkOnCallVendor';
import type { OnCallVendor } from './types';

export interface OnCallConfig {
  rotations: Map<string, Rotation>;
  vendors: OnCallVendor[];
  /** The bulk vendor read's schedule. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  cacheTtlMs: number;
}

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 5 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
  scope: 'global',
} as const satisfies SchedulerServiceTaskScheduleDefinition;

/**
 * `reliability.oncall`: neutral rotations and the vendor connections. Throws naming the key
 * of anything invalid (a rotation, a vendor without its token), so start-up stops instead of
 * showing the wrong person on call.
 */
export function readOnCallConfig(config: Config): OnCallConfig {
  const rotations = parseRotationsConfig(
    config.getOptional('reliability.oncall.rotations'),
  );
  const vendors: OnCallVendor[] = [];
  const pagerDuty = config.getOptionalConfig('reliability.oncall.pagerduty');
  if (pagerDuty) {
    vendors.push(
      new PagerDutyVendor(
        new PagerDutyClient({
          token: pagerDuty.getString('token'),
          baseUrl: pagerDuty.getOptionalString('baseUrl'),
        }),
      ),
    );
  }
  const opsgenie = config.getOptionalConfig('reliability.oncall.opsgenie');
  if (opsgenie) {
    vendors.push(
      new OpsgenieVendor(
        new OpsgenieClient({
          apiKey: opsgenie.getString('apiKey'),
          baseUrl: opsgenie.getOptionalString('baseUrl'),
        }),
      ),
    );
  }
  const splunk = config.getOptionalConfig('reliability.oncall.splunkOnCall');
  if (splunk) {
    vendors.push(
      new SplunkOnCallVendor(
        new SplunkOnCallClient({
          apiId: splunk.getString('apiId'),
          apiKey: splunk.getString('apiKey'),
          baseUrl: splunk.getOptionalString('baseUrl'),
        }),
      ),
    );
  }
  const configured = config.getOptionalConfig('reliability.oncall.schedule');
  const schedule = configured
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        new ConfigReader({
          ...DEFAULT_SCHEDULE,
          ...(configured.get() as object),
        }),
      )
    : DEFAULT_SCHEDULE;
  const cacheTtlMinutes =
    config.getOptionalNumber('reliability.oncall.cacheTtlMinutes') ?? 30;
  if (!(cacheTtlMinutes > 0)) {
    throw new Error(
      'reliability.oncall.cacheTtlMinutes: must be a positive number of minutes',
    );
  }
  return { rotations, vendors, schedule, cacheTtlMs: cacheTtlMinutes * 60_000 };
}
