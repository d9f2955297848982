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

    /**
     * SQLite in a file only: write the full evaluation's pages on a worker thread with a
     * connection of its own (and the database in WAL mode), so they overlap with scoring.
     * Default: true.
     */
    sqliteWriterThread?: boolean;

    retention?: {
      /** Days of daily coverage history to keep. Default: 400. */
      days?: number;
    };

    sloFiles?: {
      /** Largest SLO file read, in bytes. Default: 1048576 (1 MiB). */
      maxBytes?: number;
      /** How long a remote SLO file is cached before it is revalidated. Default: 60. */
      cacheTtlSeconds?: number;
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
