import type { CheckResult, GateDecision, GateResult, Verdict } from '../types';
import { formatDay } from './format';

export interface GateInput {
  checks: CheckResult[];
  verdict: Verdict;
  /** Whether the entity's tier enforces the gate. */
  enforced: boolean;
  /** "Tier 2", or "An untiered entity", for the reason that explains a non-enforced gate. */
  tierLabel: string;
}

const isUnmet = (check: CheckResult) =>
  check.state === 'fail' || check.state === 'unknown';

/**
 * One reason in people's words, naming the check by the title the policy gives it (the id is in
 * the report's checks for tools): 'Blocking check "Rollback plan" fails: No attestation recorded'.
 */
function reasonFor(check: CheckResult): string {
  const label = check.blocking ? 'Blocking check' : 'Required check';
  const name = `"${check.title || check.id}"`;
  if (check.state === 'waived') {
    const until = check.waiver
      ? ` until ${formatDay(check.waiver.expiresAt)}`
      : '';
    return `${label} ${name} is waived${until}: ${
      check.waiver?.justification ?? check.message
    }`;
  }
  const outcome =
    check.state === 'unknown' ? 'could not be evaluated' : 'fails';
  return `${label} ${name} ${outcome}: ${check.message}`;
}

/**
 * The release-gate decision: `block` when a blocking check is `fail` or `unknown` and the tier
 * is enforced; else `warn` when the verdict is not `ready`; else `allow`. The reasons list the
 * unmet blocking checks, then the other unmet and waived required checks.
 */
export function computeGate({
  checks,
  verdict,
  enforced,
  tierLabel,
}: GateInput): GateResult {
  const unmetBlocking = checks.filter(
    check => check.blocking && isUnmet(check),
  );
  const otherConcerns = checks.filter(
    check =>
      check.required &&
      !(check.blocking && isUnmet(check)) &&
      (isUnmet(check) || check.state === 'waived'),
  );

  let decision: GateDecision = 'allow';
  if (enforced && unmetBlocking.length > 0) {
    decision = 'block';
  } else if (verdict !== 'ready') {
    decision = 'warn';
  }

  if (decision === 'allow') {
    const required = checks.filter(check => check.required).length;
    return {
      decision,
      reasons: [`All ${required} required checks are met`],
      enforced,
    };
  }
  const reasons = [...unmetBlocking, ...otherConcerns].map(reasonFor);
  if (!enforced && unmetBlocking.length > 0) {
    reasons.push(
      `${tierLabel} does not enforce the gate, so failing blocking checks warn instead of block`,
    );
  }
  return { decision, reasons, enforced };
}
