/**
 * Deterministic synthetic catalogs for the benchmarks: components with tiers, owners
 * (mostly groups, some users), dependencies, on-call keys, runbook and dashboard links,
 * SLO files on disk (OpenSLO and Sloth, some missing) and review facts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import type {
  Attestation,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';
import type { ReviewFacts, ReviewFactsReader } from '../src/services/types';

/** mulberry32: a tiny seeded PRNG, so every run (and the HTTP child) sees the same catalog. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

export const SLO_FILE_COUNT = 200;

function openSloFile(index: number, withAlerting: boolean): string {
  const target = [0.99, 0.995, 0.999, 0.9995][index % 4];
  return `apiVersion: openslo/v1
kind: SLI
metadata:
  name: svc-${index}-availability
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="svc-${index}",code!~"5.."}[5m]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="svc-${index}"}[5m]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: svc-${index}-availability
spec:
  service: svc-${index}
  indicatorRef: svc-${index}-availability
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: ${target}
${
  withAlerting
    ? `  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: svc-${index}-burn
      spec:
        alertWhenBreaching: true
        conditions:
          - kind: AlertCondition
            metadata:
              name: fast-burn
            spec:
              severity: page
              condition:
                kind: burnrate
                op: gte
                threshold: 14.4
                lookbackWindow: 1h
                alertAfter: 5m
`
    : ''
}---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: svc-${index}-latency
spec:
  service: svc-${index}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 30d
      isRolling: true
  indicator:
    metadata:
      name: svc-${index}-latency
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job="svc-${index}"}[5m])) by (le))
  objectives:
    - displayName: p99
      op: lte
      value: 0.3
      target: 0.99
`;
}

function slothFile(index: number, withAlerting: boolean): string {
  return `version: prometheus/v1
service: svc-${index}
labels:
  owner: team
slos:
  - name: requests-availability
    objective: 99.9
    description: Availability of svc-${index} requests
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="svc-${index}",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="svc-${index}"}[{{.window}}]))
${
  withAlerting
    ? `    alerting:
      name: Svc${index}HighErrorRate
      page_alert:
        labels:
          severity: critical
      ticket_alert:
        labels:
          severity: warning
`
    : ''
}`;
}

/** Writes the SLO files the synthetic entities point to; returns the catalog file location. */
export async function writeSloFiles(dir: string): Promise<string> {
  await fs.mkdir(path.join(dir, 'slos'), { recursive: true });
  for (let i = 0; i < SLO_FILE_COUNT; i++) {
    const withAlerting = i % 3 !== 0;
    await fs.writeFile(
      path.join(dir, 'slos', `svc-${i}.yaml`),
      i % 4 === 3 ? slothFile(i, withAlerting) : openSloFile(i, withAlerting),
    );
  }
  return `file:${path.join(dir, 'catalog-info.yaml')}`;
}

const ATTESTED = [
  'rollback-plan',
  'load-test',
  'capacity-review',
  'security-review',
  'dr-test',
  'incident-drill',
];

/** Cumulative thresholds: the first entry whose threshold exceeds the roll wins. */
function pickWeighted<T>(roll: number, table: ReadonlyArray<[number, T]>): T {
  return (table.find(([threshold]) => roll < threshold) ??
    table[table.length - 1])[1];
}

/** 5% tier 0, 20% tier 1, 35% tier 2, 25% tier 3, 12% untiered, 3% invalid values. */
const TIER_WEIGHTS: ReadonlyArray<[number, string | undefined]> = [
  [0.05, '0'],
  [0.25, '1'],
  [0.6, '2'],
  [0.85, '3'],
  [0.97, undefined],
  [0.985, 'gold'],
  [1, '7'],
];

/** 80% services, 10% websites (both in scope), 10% libraries (out of scope). */
const TYPE_WEIGHTS: ReadonlyArray<[number, string]> = [
  [0.8, 'service'],
  [0.9, 'website'],
  [1, 'library'],
];

export interface SyntheticCatalog {
  entities: Entity[];
  reviewFacts: ReviewFactsReader;
  componentCount: number;
}

/**
 * `size` components plus their owning groups and some users. `now` anchors the dates so
 * attestation expiry and runbook freshness come out the same on every run.
 */
export function generateCatalog(options: {
  size: number;
  seed?: number;
  catalogLocation: string;
  now: Date;
}): SyntheticCatalog {
  const random = createRandom(options.seed ?? 42);
  const { size, catalogLocation, now } = options;
  const day = 86_400_000;
  const isoDay = (offsetDays: number) =>
    new Date(now.getTime() + offsetDays * day).toISOString().slice(0, 10);
  const groupCount = Math.max(5, Math.round(size / 40));
  const userCount = Math.max(5, Math.round(size / 100));
  const entities: Entity[] = [];

  for (let g = 0; g < groupCount; g++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${g}`, namespace: 'default' },
      spec: {
        type: 'team',
        parent: g >= 10 ? `team-${g % 10}` : undefined,
        children: [],
      },
    });
  }
  for (let u = 0; u < userCount; u++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `user-${u}`, namespace: 'default' },
      spec: { memberOf: [`team-${u % groupCount}`] },
    });
  }

  const tierOf: Array<string | undefined> = [];
  const facts = new Map<string, ReviewFacts>();
  for (let i = 0; i < size; i++) {
    const name = `service-${i}`;
    const tier = pickWeighted(random.next(), TIER_WEIGHTS);
    tierOf.push(tier);
    const annotations: Record<string, string> = {
      'backstage.io/managed-by-location': catalogLocation,
    };
    if (tier !== undefined) annotations['reliability/tier'] = tier;
    const oncallRoll = random.next();
    if (oncallRoll < 0.35) {
      annotations['pagerduty.com/service-id'] = `P${i
        .toString(36)
        .toUpperCase()}`;
    } else if (oncallRoll < 0.5) {
      annotations['opsgenie.com/team'] = `team-${i % groupCount}`;
    } else if (oncallRoll < 0.55) {
      annotations['splunk.com/on-call-team'] = `team-${i % groupCount}`;
    } else if (oncallRoll < 0.7) {
      annotations[
        'reliability/oncall-rotation'
      ] = `https://oncall.example.com/rotations/${i}`;
    }
    if (random.chance(0.6)) {
      annotations['backstage.io/techdocs-ref'] = 'dir:.';
    }
    if (random.chance(0.55)) {
      annotations['reliability/runbooks-reviewed'] = isoDay(-random.int(300));
    }
    const sloRoll = random.next();
    if (sloRoll < 0.58) {
      annotations['reliability/slo-ref'] = `./slos/svc-${random.int(
        SLO_FILE_COUNT,
      )}.yaml`;
    } else if (sloRoll < 0.6) {
      annotations['reliability/slo-ref'] = `./slos/missing-${i}.yaml`;
    }
    const links = [];
    if (random.chance(0.6)) {
      links.push({
        url: `https://runbooks.example.com/${name}`,
        title: `${name} runbook`,
        type: 'runbook',
      });
    }
    if (random.chance(0.5)) {
      links.push({
        url: `https://grafana.example.com/d/${name}`,
        title: `${name} dashboard`,
        type: 'dashboard',
      });
    }
    const dependsOn: string[] = [];
    const dependencyCount = i > 0 ? random.int(4) : 0;
    for (let d = 0; d < dependencyCount; d++) {
      dependsOn.push(`component:default/service-${random.int(i)}`);
    }
    const typeRoll = random.next();
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        title: `Service ${i}`,
        annotations,
        links,
      },
      spec: {
        type: pickWeighted(typeRoll, TYPE_WEIGHTS),
        lifecycle: random.chance(0.7) ? 'production' : 'experimental',
        owner: random.chance(0.9)
          ? `group:default/team-${random.int(groupCount)}`
          : `user:default/user-${random.int(userCount)}`,
        system: `system-${i % 50}`,
        dependsOn,
      },
    });

    if (random.chance(0.3)) {
      const entityRef = `component:default/${name}`;
      const attestations: Attestation[] = ATTESTED.filter(() =>
        random.chance(0.5),
      ).map((checkId, k) => ({
        id: `att-${i}-${k}`,
        entityRef,
        checkId,
        evidenceUrl: `https://docs.example.com/${name}/${checkId}`,
        comment: 'Reviewed in the launch review',
        attestedBy: `user:default/user-${random.int(userCount)}`,
        attestedAt: new Date(
          now.getTime() - random.int(400) * day,
        ).toISOString(),
        expiresAt: new Date(
          now.getTime() + (random.int(400) - 60) * day,
        ).toISOString(),
        version: 1,
      }));
      const waivers: Waiver[] = random.chance(0.2)
        ? [
            {
              id: `waiver-${i}`,
              entityRef,
              checkId: 'load-test',
              justification: 'Load test scheduled after the migration',
              requestedBy: `user:default/user-${random.int(userCount)}`,
              requestedAt: new Date(now.getTime() - 10 * day).toISOString(),
              expiresAt: new Date(now.getTime() + 50 * day).toISOString(),
              status: 'approved',
              decidedBy: `user:default/user-${random.int(userCount)}`,
              decidedAt: new Date(now.getTime() - 9 * day).toISOString(),
              version: 2,
            },
          ]
        : [];
      facts.set(entityRef, { attestations, waivers });
    }
  }

  return {
    entities,
    componentCount: size,
    reviewFacts: {
      async getFacts(entityRefs: string[]) {
        const result = new Map<string, ReviewFacts>();
        for (const ref of entityRefs) {
          const entry = facts.get(ref);
          if (entry) result.set(ref, entry);
        }
        return result;
      },
    },
  };
}
