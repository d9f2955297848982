import type { Entity } from '@backstage/catalog-model';
import type { OnCallLive } from '../oncall/types';
import type { CheckDefinition, ReliabilityPolicy } from '../policy/types';
import type {
  Attestation,
  CheckResult,
  CheckState,
  EntityProfile,
  GateResult,
  MaturityResult,
  Problem,
  ReadinessResult,
  SloLoadResult,
  SloStatus,
  Waiver,
} from '../types';

/** The result of an automatic check computed outside this package (a backend module's evaluator). */
export interface ExternalCheckOutcome {
  /** `waived` is not allowed: waivers are applied by the evaluation itself. */
  state: Exclude<CheckState, 'waived'>;
  message: string;
  howToFix?: string;
}

/** Everything the evaluation of one entity needs; gathered by the backend, evaluated purely. */
export interface EvaluationInput {
  entity: Entity;
  profile: EntityProfile;
  /** `absent` | `loaded` | `unreachable`. */
  slos: SloLoadResult;
  /**
   * The resolved `spec.owner`: `kind` is the catalog kind it resolves to (`Group`, `User`, ...),
   * null when the ref is not in the catalog; the whole value is null when `spec.owner` is unset.
   */
  owner: { ref: string; kind: string | null } | null;
  /** `spec.dependsOn` targets with their tier (null when untiered) and whether they exist. */
  dependencies: { ref: string; tier: number | null; found: boolean }[];
  /** The latest non-revoked attestation per check (may be expired). */
  attestations: Attestation[];
  /** Waivers in any status; only approved, unexpired ones apply. */
  waivers: Waiver[];
  /**
   * Outcomes of custom automatic checks computed by backend-module evaluators, keyed by check id.
   * They are used for policy checks that the suite does not evaluate itself.
   */
  externalResults?: Record<string, ExternalCheckOutcome>;
  /**
   * The latest live status of each SLO, keyed by SLO name (absent: not measured yet).
   * Undefined when no Prometheus is configured: the live-status checks are not-applicable.
   */
  sloStatuses?: ReadonlyMap<string, SloStatus>;
  /**
   * Live on-call data of the entity's on-call key (fetched or computed by the backend), for
   * the `oncall-*` checks; null or absent when no provider is configured for the key.
   */
  oncallLive?: OnCallLive | null;
  now: Date;
}

export interface Evaluation {
  inScope: boolean;
  /** Every policy check, in policy order, with required/blocking for the entity's tier. */
  checks: CheckResult[];
  /** Null when out of scope. */
  readiness: ReadinessResult | null;
  maturity: MaturityResult | null;
  gate: GateResult | null;
  /** Profile and SLO problems, plus any found by the evaluation. */
  problems: Problem[];
}

/** What one check evaluator sees. */
export interface CheckContext {
  input: EvaluationInput;
  policy: ReliabilityPolicy;
  definition: CheckDefinition;
  /** The entity's tier level when it is one the policy defines; else null. */
  tierLevel: number | null;
}

/** What one check evaluator decides; `howToFix` defaults to the check definition's. */
export interface CheckOutcome {
  state: CheckState;
  message: string;
  howToFix?: string;
}

export type CheckEvaluator = (context: CheckContext) => CheckOutcome;
