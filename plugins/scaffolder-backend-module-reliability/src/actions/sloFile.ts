import { stringify } from 'yaml';
import { tierSloDefaults } from './tierDefaults';

export type SloFormat = 'openslo' | 'sloth';

/** Burn-rate alerting per the SRE workbook: page on fast burns, ticket on slow ones. */
const PAGE_BURN = { threshold: 14.4, lookbackWindow: '1h', alertAfter: '5m' };

export interface SloFileInput {
  /** The service (component) name: used in SLO names and the `service` label. */
  name: string;
  tier: number;
  format: SloFormat;
}

/** The Prometheus queries of the service's requests, by the common http metric names. */
function queries(name: string) {
  const selector = `service="${name}"`;
  return {
    total: `sum(rate(http_requests_total{${selector}}[{{.window}}]))`,
    errors: `sum(rate(http_requests_total{${selector},code=~"5.."}[{{.window}}]))`,
    good: `sum(rate(http_requests_total{${selector},code!~"5.."}[{{.window}}]))`,
    fast: (ms: number) =>
      `sum(rate(http_request_duration_seconds_bucket{${selector},le="${
        ms / 1000
      }"}[{{.window}}]))`,
    durationCount: `sum(rate(http_request_duration_seconds_count{${selector}}[{{.window}}]))`,
  };
}

/** One YAML file (multi-document for OpenSLO) with the tier's SLOs and their alerting. */
export function renderSloFile(input: SloFileInput): string {
  return input.format === 'sloth' ? renderSloth(input) : renderOpenSlo(input);
}

function renderOpenSlo({ name, tier }: SloFileInput): string {
  const defaults = tierSloDefaults(tier);
  const q = queries(name);
  const prometheus = (query: string) => ({
    metricSource: { type: 'Prometheus', spec: { query } },
  });
  const docs: object[] = [
    {
      apiVersion: 'openslo/v1',
      kind: 'AlertPolicy',
      metadata: { name: `${name}-fast-burn` },
      spec: {
        description: `Page when ${name}'s error budget burns ${PAGE_BURN.threshold} times too fast`,
        alertWhenBreaching: true,
        conditions: [
          {
            kind: 'AlertCondition',
            metadata: { name: `${name}-burn-rate-page` },
            spec: {
              severity: 'page',
              condition: { kind: 'burnrate', op: 'gte', ...PAGE_BURN },
            },
          },
        ],
        notificationTargets: [{ targetRef: `${name}-on-call` }],
      },
    },
    slo(`${name}-availability`, 'Requests served without a server error', {
      good: q.good,
      total: q.total,
      target: defaults.availability,
    }),
  ];
  if (defaults.latency !== null) {
    docs.push(
      slo(
        `${name}-latency`,
        `Requests answered within ${defaults.latencyThresholdMs} ms`,
        {
          good: q.fast(defaults.latencyThresholdMs),
          total: q.durationCount,
          target: defaults.latency,
        },
      ),
    );
  }
  return docs.map(doc => stringify(doc)).join('---\n');

  function slo(
    sloName: string,
    description: string,
    spec: { good: string; total: string; target: number },
  ) {
    return {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: sloName },
      spec: {
        description,
        service: name,
        indicator: {
          metadata: { name: `${sloName}-sli` },
          spec: {
            ratioMetric: {
              counter: false,
              good: prometheus(spec.good),
              total: prometheus(spec.total),
            },
          },
        },
        timeWindow: [{ duration: defaults.window, isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [{ displayName: description, target: spec.target }],
        alertPolicies: [{ alertPolicyRef: `${name}-fast-burn` }],
      },
    };
  }
}

function renderSloth({ name, tier }: SloFileInput): string {
  const defaults = tierSloDefaults(tier);
  const q = queries(name);
  const alerting = (sloName: string) => ({
    name: `${sloName}-burn`,
    labels: { tier: String(tier) },
    annotations: { summary: `${sloName} is burning its error budget` },
    pageAlert: { labels: { severity: 'page' } },
    ticketAlert: { labels: { severity: 'ticket' } },
  });
  const slos: object[] = [
    {
      name: 'availability',
      objective: defaults.availability * 100,
      description: 'Requests served without a server error',
      sli: { events: { error_query: q.errors, total_query: q.total } },
      alerting: alerting(`${name}-availability`),
    },
  ];
  if (defaults.latency !== null) {
    slos.push({
      name: 'latency',
      objective: defaults.latency * 100,
      description: `Requests answered within ${defaults.latencyThresholdMs} ms`,
      sli: {
        raw: {
          error_ratio_query: `1 - (${q.fast(defaults.latencyThresholdMs)} / ${
            q.durationCount
          })`,
        },
      },
      alerting: alerting(`${name}-latency`),
    });
  }
  return stringify({
    version: 'prometheus/v1',
    service: name,
    labels: { tier: String(tier) },
    slos,
  });
}
