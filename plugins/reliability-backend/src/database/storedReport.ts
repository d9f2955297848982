import type {
  CheckResult,
  ReliabilityPolicy,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';

type CheckDefinition = ReliabilityPolicy['checks'][number];

/** The members of a check that its policy definition also has. */
const POLICY_TEXTS = [
  'howToFix',
  'title',
  'area',
  'kind',
  'rationale',
] as const;
const IS_POLICY_TEXT: ReadonlySet<string> = new Set(POLICY_TEXTS);

/** The order evaluateEntity gives a check's members; others follow in their own order. */
const CHECK_MEMBERS: ReadonlyArray<keyof CheckResult> = [
  'id',
  'state',
  'required',
  'blocking',
  'message',
  ...POLICY_TEXTS,
];

/**
 * A report as stored: a check that carries its policy definition's texts (title, area, kind,
 * rationale, how-to-fix), which are most of a report's text, is stored without them and
 * gets them back from the policy when read. A check whose texts differ (an attested check's
 * how-to-fix names its validity, a check the policy no longer defines) is stored whole; a
 * stored check with a `title` is one of those.
 */
export class StoredReportCodec {
  readonly #definitions: ReadonlyMap<string, CheckDefinition>;

  constructor(policy: Pick<ReliabilityPolicy, 'checks'>) {
    this.#definitions = new Map(policy.checks.map(check => [check.id, check]));
  }

  /** The stored JSON of a report without its `evaluatedAt`. */
  encodeBody(report: Omit<ReliabilityReport, 'evaluatedAt'>): string {
    if (!report.readiness) {
      return JSON.stringify(report);
    }
    const checks = report.readiness.checks.map(check => {
      const definition = this.#definitions.get(check.id);
      if (
        !definition ||
        POLICY_TEXTS.some(member => check[member] !== definition[member])
      ) {
        return check;
      }
      const stored: Record<string, unknown> = {};
      for (const [member, value] of Object.entries(check)) {
        if (!IS_POLICY_TEXT.has(member)) {
          stored[member] = value;
        }
      }
      return stored;
    });
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
        this.#expand(check),
      );
    }
    return report;
  }

  #expand(stored: CheckResult): CheckResult {
    const definition = this.#definitions.get(stored.id);
    if (!definition || 'title' in stored) {
      return stored;
    }
    // In evaluateEntity's order of members, so the report reads back as it was built.
    const check: Record<string, unknown> = {};
    for (const member of CHECK_MEMBERS) {
      const value = IS_POLICY_TEXT.has(member)
        ? definition[member as keyof CheckDefinition]
        : stored[member];
      if (value !== undefined) {
        check[member] = value;
      }
    }
    for (const [member, value] of Object.entries(stored)) {
      if (!(member in check)) {
        check[member] = value;
      }
    }
    return check as unknown as CheckResult;
  }
}
