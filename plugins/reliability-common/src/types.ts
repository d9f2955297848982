/**
 * The suite's shared data model: what the backend computes and stores, what the REST API
 * returns (the backend README's endpoints) and what the frontend renders. Field names fixed by the
 * contract are marked; everything else is ours to extend.
 */

import type { OnCallLive } from './oncall/types';

/** The six honest states of a check. */
export type CheckState =
  | 'pass'
  | 'warn'
  | 'fail'
  | 'unknown'
  | 'not-applicable'
  | 'waived';

export const CHECK_STATES: readonly CheckState[] = [
  'pass',
  'warn',
  'fail',
  'unknown',
  'not-applicable',
  'waived',
];

export type CheckKind = 'automatic' | 'attested';

export type Verdict = 'ready' | 'ready-with-waivers' | 'not-ready';

export type GateDecision = 'allow' | 'warn' | 'block';

export type SliKind =
  | 'availability'
  | 'latency'
  | 'error-rate'
  | 'correctness'
  | 'durability'
  | 'freshness'
  | 'throughput'
  | 'other';

/**
 * The format an SLO was read from: `openslo` (OpenSLO v1, v1alpha, v2alpha) and `sloth`
 * (Sloth `prometheus/v1` and its Kubernetes `PrometheusServiceLevel`) are fixed by the
 * contract; `pyrra` (Pyrra `ServiceLevelObjective`) and `nobl9` (Nobl9 `n9/v1alpha`) extend it.
 */
export type SloSource = 'openslo' | 'sloth' | 'pyrra' | 'nobl9';

export type OnCallProvider =
  | 'pagerduty'
  | 'opsgenie'
  | 'splunk-on-call'
  | 'other';

/** A problem found in an entity's reliability data. Never fatal: the rest is still computed. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Human-readable: what is wrong and where. */
  message: string;
  /** The annotation key, link type or spec field concerned, e.g. `reliability/tier`. */
  field?: string;
  /** For SLO files: the file location, the 0-based document index and the field path. */
  file?: string;
  document?: number;
  path?: string;
  /** What to do about it. */
  howToFix?: string;
}

/** One SLO, normalised from OpenSLO or Sloth (contract fields: name, sli, target, window, errorBudget, source). */
export interface NormalizedSlo {
  name: string;
  sli: SliKind;
  /** Ratio in (0,1), e.g. 0.999. */
  target: number;
  /** The window as written (`28d`, `30d`, `1w`, `1M`, ...). */
  window: string;
  /** The window in minutes; null when it cannot be expressed (calendar months use 30 days). */
  windowMinutes: number | null;
  /** 1 - target, rounded to 10 decimals to avoid float noise. */
  errorBudget: number;
  /** Allowed bad minutes over the window (errorBudget x windowMinutes); null without a window. */
  allowedBadMinutes: number | null;
  /** Burn-rate alerting defined (Sloth `alerting`, OpenSLO `alertPolicies`/`alertPolicyRef`). */
  hasAlerting: boolean;
  source: SloSource;
  description?: string;
  service?: string;
  /** OpenSLO budgetingMethod; Sloth is always Occurrences. */
  budgetingMethod?: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  /** True for rolling windows, false for calendar-aligned. */
  rolling?: boolean;
  /** The 0-based document index in the file. */
  document: number;
  /**
   * How live status is measured; absent when the format gives nothing to query.
   * Filled by each format's reader, read by the backend's Prometheus measurement.
   */
  measurement?: SliMeasurement;
  /** Time-slice budgeting (OpenSLO Timeslices/RatioTimeslices): the slice and a good slice's share. */
  timeSlices?: { window: string; target: number | null };
  /**
   * The latest live status (Prometheus); null before the first measurement. Set in reports
   * only, never by format readers.
   */
  status?: SloStatus | null;
}

/**
 * The Prometheus queries behind an SLI, as written in the SLO file. A query containing
 * `{{.window}}` is a windowed query (Sloth style: `{{.window}}` is replaced by the window asked
 * for, and the query answers the count or ratio over that window); any other query is a rate
 * series whose integral over a window W is `sum_over_time((Q)[W:step])`.
 * - `events`: exactly one of `bad`/`good`, and `total` (Sloth `events`, OpenSLO `ratioMetric`).
 * - `ratio`: the error ratio itself (Sloth `raw.error_ratio_query`, OpenSLO `ratioMetric.raw`).
 * - `not-measured`: there is nothing to query; `reason` says why (threshold metric, another
 *   metric source, a Sloth plugin, ...).
 */
export type SliMeasurement =
  | {
      type: 'events';
      bad?: string;
      good?: string;
      total: string;
    }
  | { type: 'ratio'; errorRatio: string }
  | { type: 'not-measured'; reason: string };

export interface SloParseResult {
  slos: NormalizedSlo[];
  problems: Problem[];
}

/**
 * Outcome of loading an entity's `reliability/slo-ref`:
 * - `absent`: no annotation;
 * - `loaded`: the file was read (its SLOs may still be empty when every document is invalid);
 * - `unreachable`: it could not be fetched; checks depending on SLOs are `unknown`.
 */
export type SloLoadStatus = 'absent' | 'loaded' | 'unreachable';

export interface SloLoadResult extends SloParseResult {
  status: SloLoadStatus;
  /** The resolved location that was (or could not be) read. */
  location?: string;
}

export interface TierInfo {
  /** Contract field. */
  level: number;
  /** Contract field, e.g. "Tier 1". */
  name: string;
  description?: string;
}

export interface OnCallInfo {
  /** Contract field. */
  provider: OnCallProvider;
  /** Contract field. */
  reference: string;
  /** The annotation key it came from. */
  annotation: string;
  /** A link to open the rotation, where one can be derived. */
  url?: string;
  /**
   * Contract field (in reports): who is on call now, from the configured rotation or vendor;
   * null when nothing can be asked. Absent from the profile read from annotations alone.
   */
  live?: OnCallLive | null;
}

export interface LinkInfo {
  title: string;
  url: string;
}

/** Facts read from an entity's annotations and links. */
export interface EntityProfile {
  tier: TierInfo | null;
  oncall: OnCallInfo | null;
  runbooks: LinkInfo[];
  dashboards: LinkInfo[];
  /** `reliability/runbooks-reviewed` as YYYY-MM-DD when valid. */
  runbooksReviewed: string | null;
  hasDocs: boolean;
  sloRef: string | null;
  problems: Problem[];
}

/** A recorded attestation of an attested check. */
export interface Attestation {
  id: string;
  entityRef: string;
  checkId: string;
  evidenceUrl: string;
  comment: string;
  attestedBy: string;
  attestedAt: string;
  expiresAt: string;
  revokedAt?: string | null;
  revokedBy?: string | null;
  version: number;
}

export type WaiverStatus = 'requested' | 'approved' | 'rejected' | 'revoked';

export interface Waiver {
  id: string;
  entityRef: string;
  checkId: string;
  justification: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  status: WaiverStatus;
  decidedBy?: string | null;
  decidedAt?: string | null;
  decisionComment?: string | null;
  version: number;
}

export interface CheckResult {
  /** Contract fields: id, state, required, blocking, message, howToFix. */
  id: string;
  state: CheckState;
  required: boolean;
  blocking: boolean;
  message: string;
  howToFix: string;
  title: string;
  area: string;
  kind: CheckKind;
  /** Why it matters (REFERENCE.md section 6). */
  rationale?: string;
  /** The state before a waiver applied, when `state` is `waived`. */
  underlyingState?: CheckState;
  attestation?: Pick<
    Attestation,
    'id' | 'evidenceUrl' | 'comment' | 'attestedBy' | 'attestedAt' | 'expiresAt'
  >;
  waiver?: Pick<
    Waiver,
    'id' | 'justification' | 'requestedBy' | 'decidedBy' | 'expiresAt'
  >;
}

export interface ReadinessResult {
  /** Contract fields. */
  score: number;
  verdict: Verdict;
  checks: CheckResult[];
}

export interface MaturityResult {
  /** Contract fields. */
  level: number;
  name: string;
  expectedLevel: number | null;
  next: { level: number; name: string; missing: string[] } | null;
}

export interface GateResult {
  /** Contract fields. */
  decision: GateDecision;
  reasons: string[];
  enforced: boolean;
}

/** `GET /v1/entities/{kind}/{namespace}/{name}/report`. */
export interface ReliabilityReport {
  entityRef: string;
  inScope: boolean;
  tier: TierInfo | null;
  slos: NormalizedSlo[];
  oncall: OnCallInfo | null;
  runbooks: LinkInfo[];
  dashboards: LinkInfo[];
  runbooksReviewed: string | null;
  readiness: ReadinessResult | null;
  maturity: MaturityResult | null;
  gate: GateResult | null;
  problems: Problem[];
  evaluatedAt: string;
}

/**
 * `GET /v1/entities/{kind}/{namespace}/{name}/gate`: the report's gate decision and reasons
 * (an entity outside the policy's scope is always allowed), with what a CI log wants.
 */
export interface GateResponse {
  decision: GateDecision;
  reasons: string[];
  entityRef: string;
  /** The tier's level; null for an untiered entity. */
  tier: number | null;
  /** Whether the entity's tier enforces the gate (only then can it block). */
  enforced: boolean;
  evaluatedAt: string;
}

/** Live SLO states, worst first. */
export type SloState =
  | 'exhausted'
  | 'critical'
  | 'warning'
  | 'ok'
  | 'no-data'
  | 'unavailable'
  | 'not-measured';

/** The burn-rate windows every status reports. */
export type BurnRateWindow = '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';

/** A multiwindow burn-rate alert that fires (both windows at or above the threshold). */
export interface SloAlert {
  severity: 'page' | 'ticket';
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
  threshold: number;
}

/** The live status of one SLO (fields of the README, plus `since`). */
export interface SloStatus {
  state: SloState;
  /** good / total over the SLO window; null without data. */
  sli: number | null;
  /** 1 - (1 - sli) / (1 - target); below 0 once overspent; null without data. */
  errorBudgetRemaining: number | null;
  /** Error ratio over each window / (1 - target); a window without traffic is null. */
  burnRates: Partial<Record<BurnRateWindow, number | null>>;
  alerts: SloAlert[];
  /** Why there is no number (not-measured, unavailable, no-data); else null. */
  reason: string | null;
  measuredAt: string;
  /** When the SLO entered its current state (the first measurement of this state in a row). */
  since?: string;
  /** The Prometheus instance measured. */
  instance?: string;
  /** The SLI's error ratio over the last hour in the instance's graph page. */
  graphUrl?: string;
}

/** A point of an SLO's live-status history (`GET .../slos/{slo}/history`). */
export interface SloHistoryPoint {
  measuredAt: string;
  state: SloState;
  sli: number | null;
  errorBudgetRemaining: number | null;
}

/** `GET /v1/entities/{kind}/{namespace}/{name}/slos/{slo}/history`. */
export interface SloHistoryResponse {
  entityRef: string;
  slo: string;
  since: string;
  /** False when no Prometheus is configured. */
  measured: boolean;
  points: SloHistoryPoint[];
}

/** An SLO whose budget is exhausted or burning fast enough to alert. */
export interface BurningSlo {
  entityRef: string;
  slo: string;
  state: 'exhausted' | 'critical' | 'warning';
  errorBudgetRemaining: number | null;
  since: string;
  measuredAt: string;
}

/** `GET /v1/slo-status`: how many SLOs are in each state, and those burning now. */
export interface SloStatusOverview {
  /** False when no Prometheus is configured. */
  measured: boolean;
  counts: Partial<Record<SloState, number>>;
  burning: BurningSlo[];
}
