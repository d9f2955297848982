import type {
  ReliabilityPolicy,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import {
  CLOSE_ARRAY,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  memberValueStart,
} from './jsonText';
import { StoredChecks, type StoredCheck } from './storedChecks';

/**
 * Turns reports into their stored JSON and back. The stored form is the report with each
 * check as a tuple without the policy's static texts (see StoredChecks); expanding it
 * gives back the same JSON, key for key, that serialising the full report gives. Rows
 * written by earlier versions (checks as objects without the texts, or whole) expand the
 * same way: a stored check that has a `title` is taken as it is.
 */
export class ReportCodec {
  readonly #checks: StoredChecks;

  constructor(policy: Pick<ReliabilityPolicy, 'checks'>) {
    this.#checks = new StoredChecks(policy);
  }

  /** The stored JSON of a report without its `evaluatedAt`. */
  encodeBody(report: Omit<ReliabilityReport, 'evaluatedAt'>): string {
    if (!report.readiness) {
      return JSON.stringify(report);
    }
    const checks = report.readiness.checks.map((check, index) =>
      this.#checks.compact(check, index),
    );
    return JSON.stringify({
      ...report,
      readiness: { ...report.readiness, checks },
    });
  }

  /** The full report of stored JSON. */
  decode(json: string): ReliabilityReport {
    const report = JSON.parse(json) as ReliabilityReport;
    if (report.readiness) {
      report.readiness.checks = (
        report.readiness.checks as unknown as StoredCheck[]
      ).map(check => this.#checks.expand(check));
    }
    return report;
  }

  /**
   * The JSON of the full report of stored JSON: the same text as
   * `JSON.stringify(decode(json))`, made by splicing the policy's texts into the stored
   * text instead of parsing and re-serialising it (several times faster, and it is what
   * the report endpoint sends). Stored JSON is what encodeBody wrote; text in any other
   * shape, or a check the splice does not cover, goes through decode.
   */
  expandJson(json: string): string {
    return this.#spliceExpanded(json) ?? JSON.stringify(this.decode(json));
  }

  #spliceExpanded(json: string): string | undefined {
    if (json.charCodeAt(0) !== OPEN_OBJECT) {
      return undefined;
    }
    const readiness = memberValueStart(json, 1, '"readiness"');
    if (readiness === undefined) {
      return undefined;
    }
    if (json.startsWith('null', readiness)) {
      // Out of scope: decode changes nothing.
      return json;
    }
    if (json.charCodeAt(readiness) !== OPEN_OBJECT) {
      return undefined;
    }
    const checks = memberValueStart(json, readiness + 1, '"checks"');
    if (checks === undefined || json.charCodeAt(checks) !== OPEN_ARRAY) {
      return undefined;
    }
    let expanded = json.slice(0, checks + 1);
    let index = checks + 1;
    if (json.charCodeAt(index) === CLOSE_ARRAY) {
      return json;
    }
    for (;;) {
      const check = this.#checks.spliceExpanded(json, index);
      if (!check) {
        return undefined;
      }
      expanded += check.text;
      const next = json.charCodeAt(check.end);
      if (next === CLOSE_ARRAY) {
        return expanded + json.slice(check.end);
      }
      if (next !== COMMA) {
        return undefined;
      }
      expanded += ',';
      index = check.end + 1;
    }
  }
}
