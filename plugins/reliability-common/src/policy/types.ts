import type { CheckKind } from '../types';

/** One check of the policy. The default ids are fixed (see the common README). */
export interface CheckDefinition {
  id: string;
  title: string;
  /** Grouping in the checklist UI, e.g. "Ownership", "Observability", "Operations", "Resilience". */
  area: string;
  kind: CheckKind;
  /** Why the check matters (shown beside failing checks). */
  rationale: string;
  /** What to do when it fails. */
  howToFix: string;
  /** For attested checks: how long an attestation stays valid. */
  validityDays?: number;
  /**
   * For automatic checks added by configuration: an annotation whose presence passes the check.
   * Built-in automatic checks are evaluated by code and ignore this.
   */
  annotation?: string;
}

export interface TierDefinition {
  level: number;
  name: string;
  description: string;
  /** Required check ids (count for the verdict). */
  required: string[];
  /** Blocking check ids (stop the gate when enforced). A subset of required is typical but not needed. */
  blocking: string[];
  /** Whether the release gate blocks for this tier. */
  enforced: boolean;
  /** Expected maturity level. */
  expectedLevel: number;
}

export interface MaturityLevelDefinition {
  level: number;
  name: string;
  checks: string[];
}

export interface ReliabilityPolicy {
  tiers: TierDefinition[];
  /** Required/blocking/enforced for an entity without a valid tier. */
  untiered: { required: string[]; blocking: string[]; enforced: boolean };
  checks: CheckDefinition[];
  maturityLevels: MaturityLevelDefinition[];
  scope: { kinds: string[]; types: string[] };
  /** Lifecycles counted by coverage figures unless asked otherwise. */
  coverageLifecycles: string[];
  runbookFreshness: { warnAfterDays: number; failAfterDays: number };
  waivers: {
    maxDays: number;
    /** Per tier level (as string, or "none"): a group entity ref whose members may approve. */
    approverGroups: Record<string, string>;
  };
}
