import {
  defaultPolicy,
  type CheckResult,
} from '@reliability-suite/plugin-reliability-common';
import { StoredReportCodec } from './storedReport';
import { checkResult, reportFor } from '../__testUtils__/reports';

const codec = new StoredReportCodec(defaultPolicy);

/** A check as evaluateEntity builds it: the policy definition's texts, in its order. */
function policyCheck(
  id: string,
  overrides: Partial<CheckResult> = {},
): CheckResult {
  const definition = defaultPolicy.checks.find(check => check.id === id)!;
  return {
    id,
    state: 'fail',
    required: true,
    blocking: false,
    message: `${id} failed`,
    howToFix: definition.howToFix,
    title: definition.title,
    area: definition.area,
    kind: definition.kind,
    rationale: definition.rationale,
    ...overrides,
  };
}

describe('StoredReportCodec', () => {
  it("stores checks without their policy's texts and reads back the same JSON", () => {
    const report = reportFor('component:default/a', {
      checks: defaultPolicy.checks.map(check => policyCheck(check.id)),
    });
    const { evaluatedAt, ...body } = report;
    const stored = codec.encodeBody(body);
    expect(stored).not.toContain(defaultPolicy.checks[0].rationale);
    expect(stored.length).toBeLessThan(JSON.stringify(body).length / 2);
    expect(JSON.stringify(codec.decode(stored))).toBe(JSON.stringify(body));
  });

  it('stores whole a check whose texts differ from the policy, or that it does not define', () => {
    const attested = policyCheck('rollback-plan', {
      howToFix: 'Attest it; an attestation is valid for 365 days',
      attestation: {
        id: 'a1',
        evidenceUrl: 'https://docs/rollback',
        comment: 'exercised',
        attestedBy: 'user:default/ann',
        attestedAt: '2026-10-01T00:00:00.000Z',
        expiresAt: '2027-10-01T00:00:00.000Z',
      },
    });
    const withoutRationale = policyCheck('owner', { rationale: undefined });
    delete withoutRationale.rationale;
    const custom = checkResult('sbom', 'pass');
    const report = reportFor('component:default/a', {
      checks: [attested, withoutRationale, custom],
    });
    const { evaluatedAt, ...body } = report;
    const stored = JSON.parse(codec.encodeBody(body));
    expect(stored.readiness.checks).toEqual([
      attested,
      withoutRationale,
      custom,
    ]);
    expect(codec.decode(JSON.stringify(stored))).toEqual(body);
  });

  it('leaves an out-of-scope report as it is', () => {
    const { evaluatedAt, ...body } = reportFor('component:default/a', {
      inScope: false,
    });
    expect(codec.encodeBody(body)).toBe(JSON.stringify(body));
  });
});
