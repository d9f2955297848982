import type {
  CheckResult,
  ReliabilityPolicy,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';

type CheckDefinition = ReliabilityPolicy['checks'][number];

/**
 * How a check is stored: only what differs per entity. Title, area, kind and rationale
 * always come from the policy, and `howToFix` too when it is the policy's text (it is for
 * nearly every check), so they are written once in the policy instead of in every row.
 */
type StoredCheck = Omit<
  CheckResult,
  'title' | 'area' | 'kind' | 'rationale' | 'howToFix'
> &
  Partial<Pick<CheckResult, 'title' | 'howToFix'>>;

/**
 * Turns reports into their stored JSON and back. The stored form is the report with its
 * checks' static texts left out; expanding it gives back the same JSON, key for key, that
 * serialising the full report gives. Rows written whole (before this form existed) expand
 * to themselves: a stored check that has a `title` is taken as it is.
 */
export class ReportCodec {
  readonly #definitions: Map<string, CheckDefinition>;

  constructor(policy: Pick<ReliabilityPolicy, 'checks'>) {
    this.#definitions = new Map(policy.checks.map(check => [check.id, check]));
  }

  /** The stored JSON of a report without its `evaluatedAt`. */
  encodeBody(report: Omit<ReliabilityReport, 'evaluatedAt'>): string {
    if (!report.readiness) {
      return JSON.stringify(report);
    }
    const checks = report.readiness.checks.map(check => this.#compact(check));
    return JSON.stringify({
      ...report,
      readiness: { ...report.readiness, checks },
    });
  }

  /** The full report of stored JSON. */
  decode(json: string): ReliabilityReport {
    const report = JSON.parse(json) as ReliabilityReport;
    if (report.readiness) {
      report.readiness.checks = report.readiness.checks.map(check =>
        this.#expand(check as StoredCheck),
      );
    }
    return report;
  }

  #compact(check: CheckResult): StoredCheck {
    const definition = this.#definitions.get(check.id);
    if (
      !definition ||
      check.title !== definition.title ||
      check.area !== definition.area ||
      check.kind !== definition.kind ||
      check.rationale !== definition.rationale
    ) {
      // Texts the policy cannot give back (a check it does not define): stored whole.
      return check;
    }
    const { title, area, kind, rationale, howToFix, ...perEntity } = check;
    return howToFix === definition.howToFix
      ? perEntity
      : { ...perEntity, howToFix };
  }

  #expand(stored: StoredCheck): CheckResult {
    if (stored.title !== undefined) {
      return stored as CheckResult;
    }
    const definition = this.#definitions.get(stored.id);
    const { id, state, required, blocking, message, howToFix, ...optional } =
      stored;
    // Key order as evaluateEntity builds a check, so the JSON matches a fresh report's.
    return {
      id,
      state,
      required,
      blocking,
      message,
      howToFix: howToFix ?? definition?.howToFix ?? '',
      title: definition?.title ?? id,
      area: definition?.area ?? 'Other',
      kind: definition?.kind ?? 'automatic',
      rationale: definition?.rationale,
      ...optional,
    };
  }
}
