import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/**
 * App-config of the Reliability Suite backend. Every key is optional; the defaults are the
 * contract's (see the "Configuration" section of the README). Nothing here is visible to the
 * frontend: the frontend reads the effective policy from the backend.
 */
export interface Config {
  reliability?: {
    /**
     * The reliability policy, merged onto the default policy: objects merge key by key,
     * `checks` merge by id (override fields of a default check, or add a custom one), and
     * `tiers` / `maturityLevels` replace the scale / ladder, each entry filled from the default
     * entry of the same level. Invalid policy stops the backend with a message naming the key.
     */
    policy?: {
      /**
       * The tier scale (0 is the most critical). Default: tiers 0-3 of the contract. Listing
       * tiers replaces the scale: list every tier you keep, e.g. `[{level: 0}, {level: 1},
       * {level: 2, enforced: true}, {level: 3}]`.
       */
      tiers?: Array<{
        /** The tier level, a whole number from 0. */
        level: number;
        /** Display name, e.g. "Tier 1". Required for a level without a default. */
        name?: string;
        /** What the tier demands, shown on the entity page. */
        description?: string;
        /** Check ids that count for the readiness verdict. Required for a level without a default. */
        required?: string[];
        /** Check ids that stop the release gate (when `enforced`). Required for a level without a default. */
        blocking?: string[];
        /** Whether a failing blocking check blocks the gate (else it warns). Default: true for tiers 0 and 1. */
        enforced?: boolean;
        /** The maturity level expected of the tier (0 to the top of the ladder). Required for a level without a default. */
        expectedLevel?: number;
      }>;
      /** Requirements of an entity without a valid tier. Default: required owner, tier, runbook; blocking owner, tier; not enforced. */
      untiered?: {
        required?: string[];
        blocking?: string[];
        enforced?: boolean;
      };
      /**
       * Overrides of default checks (matched by id; only the given fields change; the kind of a
       * default check cannot change) and custom checks (id, title, kind, rationale, howToFix).
       * A custom check counts only once a tier lists it in `required` or `blocking`.
       */
      checks?: Array<{
        /** Lower-case kebab-case id, e.g. `chaos-test`. */
        id: string;
        title?: string;
        /** Grouping in the checklist. Default for custom checks: "Custom". */
        area?: string;
        /** `automatic` (from catalog data) or `attested` (a person records evidence). */
        kind?: 'automatic' | 'attested';
        /** Why the check matters, shown beside a failing check. */
        rationale?: string;
        /** What to do when it fails. */
        howToFix?: string;
        /** Attested checks: how many days an attestation stays valid. Required for custom attested checks. */
        validityDays?: number;
        /**
         * Custom automatic checks: the annotation whose presence (non-blank) passes the check.
         * Without it, a backend module must evaluate the check, or it is `unknown`.
         */
        annotation?: string;
      }>;
      /**
       * The cumulative maturity ladder, levels 1..n without gaps. Default: 1 Foundational,
       * 2 Standardized, 3 Managed, 4 Optimized. Listing levels replaces the ladder.
       */
      maturityLevels?: Array<{
        level: number;
        name?: string;
        /** Check ids needed on top of the lower levels. */
        checks?: string[];
      }>;
      /** Which entities the policy applies to (case-insensitive). */
      scope?: {
        /** Default: ["Component"]. */
        kinds?: string[];
        /** `spec.type` values; an empty list admits every type. Default: ["service", "website"]. */
        types?: string[];
      };
      /** `spec.lifecycle` values counted by coverage unless a request asks otherwise. Default: ["production"]. */
      coverageLifecycles?: string[];
      /** Age thresholds of `reliability/runbooks-reviewed`, in whole days. */
      runbookFreshness?: {
        /** Warn from this age. Default: 150. */
        warnAfterDays?: number;
        /** Fail beyond this age. Default: 180. */
        failAfterDays?: number;
      };
      waivers?: {
        /** The longest a waiver may run, in days. Default: 180. */
        maxDays?: number;
        /**
         * Per tier level (`"0"`, `"1"`, ... or `"none"` for untiered): the group whose members
         * may approve waivers, e.g. `group:default/sre`. Default: none (the permission policy decides).
         */
        approverGroups?: { [tierLevel: string]: string };
      };
    };

    /**
     * Schedule of the full catalog evaluation, in the scheduler's usual forms
     * (`frequency: { minutes: 10 }`, `frequency: { cron: '*\/10 * * * *' }`, an ISO duration).
     * Default: every 10 minutes, timeout 15 minutes, initial delay 15 seconds, scope global.
     */
    schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;

    retention?: {
      /** Days of daily coverage history (and live SLO status history) to keep. Default: 400. */
      days?: number;
    };

    /** Demo-only settings: never set them in a real deployment. */
    demo?: {
      /**
       * Days of GENERATED coverage history written once, when the first daily snapshot finds no
       * earlier day (a climb from half of today's coverage to today's), so a fresh demo shows
       * trends. Absent (the default): nothing is generated.
       */
      seedHistoryDays?: number;
    };

    /**
     * Live SLO status. Without it nothing is measured and the checks `slo-measured` and
     * `error-budget` are not-applicable. A key that fails validation stops start-up with a
     * message naming it.
     */
    prometheus?: {
      /** Prometheus-compatible query APIs (Prometheus, Thanos, Mimir, VictoriaMetrics). */
      instances: Array<{
        /** Referenced by the `reliability/prometheus-instance` annotation. */
        name: string;
        /** e.g. http://prometheus:9090 */
        baseUrl: string;
        /** Used when an entity names no instance. A single instance is always the default. */
        default?: boolean;
        /**
         * Sent with every query, e.g. `Authorization: Bearer ${PROMETHEUS_TOKEN}`.
         * @visibility secret
         */
        headers?: { [name: string]: string };
      }>;
      /** How often every SLO is measured (global scope). Default: 5 minutes. */
      frequency?: { minutes: number };
      /** A query slower than this makes its SLOs unavailable. Default: 30 seconds. */
      timeout?: { seconds: number };
      /** Requests in flight per instance. Default: 4. */
      concurrency?: number;
      /** Instant queries joined into one request. Default: 50. */
      batchSize?: number;
      /**
       * Multiwindow burn-rate alerts; a pair fires when both windows burn at or above the
       * threshold. Default: page 14.4 (1h, 5m), page 6 (6h, 30m), ticket 3 (1d, 2h), ticket 1 (3d, 6h).
       */
      alerts?: Array<{
        severity: 'page' | 'ticket';
        longWindow: '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';
        shortWindow: '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';
        threshold: number;
      }>;
    };

    /**
     * Live on-call: vendor-neutral rotations (named by `reliability/oncall-rotation`) and the
     * vendor connections that read PagerDuty, Opsgenie / Jira Service Management and Splunk
     * On-Call keys. Tokens are used by the backend only. Invalid values stop start-up with a
     * message naming the key.
     */
    oncall?: {
      rotations?: Array<{
        /** The name `reliability/oncall-rotation` refers to. */
        name: string;
        /** IANA time zone; handoffs keep local wall-clock time across DST. */
        timeZone: string;
        /** The first handoff, local time `YYYY-MM-DDTHH:mm` (no zone). */
        start: string;
        /** Shift length: `<n>h`, `<n>d` or `<n>w`, added in local wall-clock time. */
        shift: string;
        /** User entity refs in rotation order; on call at t is members[k mod n], k the handoffs since start. */
        members: string[];
        /** Rotation names of escalation levels 2, 3, ... */
        escalation?: string[];
      }>;
      pagerduty?: {
        /**
         * A PagerDuty REST API v2 token (read-only is enough).
         * @visibility secret
         */
        token: string;
        /** Default https://api.pagerduty.com (https://api.eu.pagerduty.com for EU accounts). */
        baseUrl?: string;
      };
      opsgenie?: {
        /**
         * An Opsgenie API key (an API integration's key, read access).
         * @visibility secret
         */
        apiKey: string;
        /** Default https://api.opsgenie.com (https://api.eu.opsgenie.com for EU accounts). */
        baseUrl?: string;
      };
      splunkOnCall?: {
        /** The API ID (X-VO-Api-Id). */
        apiId: string;
        /**
         * The API key (X-VO-Api-Key).
         * @visibility secret
         */
        apiKey: string;
        /** Default https://api.victorops.com. */
        baseUrl?: string;
      };
      /** When the bulk read of every referenced vendor key runs. Default: every 5 minutes, global scope. */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
      /** How long a vendor answer is cached (the cache service). Default: 30. */
      cacheTtlMinutes?: number;
    };

    sloFiles?: {
      /** Largest SLO file read, in bytes. Default: 1048576 (1 MiB). */
      maxBytes?: number;
      /** How long a remote SLO file is cached before it is revalidated. Default: 60. */
      cacheTtlSeconds?: number;
      /**
       * Directories (absolute paths, or URL prefixes) that relative `reliability/slo-ref`
       * locations may read besides the directory tree of the entity's catalog file.
       */
      allowedDirectories?: string[];
    };

    /** Notifications sent through Backstage's notifications plugin (see the README). */
    notifications?: {
      /** Whether the suite queues and sends notifications. Default: true. */
      enabled?: boolean;
      /**
       * Entity refs (users, groups) told of waivers and reviews waiting for a decision on
       * entities whose tier has no approver group in the policy.
       */
      approvers?: string[];
      /** Days between readiness reviews per tier level (or `none`), e.g. `{ '1': 90 }`. */
      reviewCadenceDays?: { [tier: string]: number };
    };

    coverage?: {
      /** Adoption targets shown with the coverage figures, e.g. 80% of tier-1 services with an SLO by a date. */
      targets?: Array<{
        /** The tier the target applies to; all tiers together when absent. */
        tier?: number;
        /** An owner entity ref (the group and its descendant groups). */
        owner?: string;
        measure:
          | 'withSlo'
          | 'withSloAlerting'
          | 'withOncall'
          | 'withRunbook'
          | 'withDashboard'
          | 'withSloDashboardRunbook'
          | 'ready'
          | 'waived';
        /** The share to reach, in [0, 1], e.g. 0.8. */
        target: number;
        /** The deadline, YYYY-MM-DD. */
        by: string;
        /** A display title. */
        title?: string;
        /** Entity refs (users, groups) notified when the target turns off track. */
        notify?: string[];
      }>;
    };
  };
}
