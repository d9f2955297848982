import type { Entity } from '@backstage/catalog-model';
import {
  defaultPolicy,
  evaluateEntity,
  readEntityProfile,
  type ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import { buildReport } from './buildReport';
import { ReportCodec } from './compactReport';
import { checkResult, reportFor } from '../__testUtils__/reports';

const NOW = new Date('2026-11-22T10:00:00.000Z');

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'reliability/tier': '1', 'pagerduty.com/service-id': 'P1' },
    links: [{ url: 'https://runbooks/checkout', type: 'runbook' }],
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

/** A real evaluation with an attested check, a waived one and plain failures. */
function evaluatedReport(): ReliabilityReport {
  const profile = readEntityProfile(entity, defaultPolicy);
  const slos = { status: 'absent' as const, slos: [], problems: [] };
  const evaluation = evaluateEntity(
    {
      entity,
      profile,
      slos,
      owner: { ref: 'group:default/team-a', kind: 'Group' },
      dependencies: [],
      attestations: [
        {
          id: 'a1',
          entityRef: 'component:default/checkout',
          checkId: 'rollback-plan',
          evidenceUrl: 'https://docs/rollback',
          comment: 'exercised',
          attestedBy: 'user:default/ann',
          attestedAt: '2026-10-01T00:00:00.000Z',
          expiresAt: '2027-10-01T00:00:00.000Z',
          version: 1,
        },
      ],
      waivers: [
        {
          id: 'w1',
          entityRef: 'component:default/checkout',
          checkId: 'slo-defined',
          justification: 'migrating metrics',
          requestedBy: 'user:default/bob',
          requestedAt: '2026-11-01T00:00:00.000Z',
          expiresAt: '2026-12-31T00:00:00.000Z',
          status: 'approved',
          decidedBy: 'user:default/sre',
          decidedAt: '2026-11-02T00:00:00.000Z',
          version: 1,
        },
      ],
      now: NOW,
    },
    defaultPolicy,
  );
  return buildReport({
    entityRef: 'component:default/checkout',
    profile,
    slos,
    evaluation,
    evaluatedAt: NOW.toISOString(),
  });
}

function withoutTimestamp(report: ReliabilityReport) {
  const { evaluatedAt, ...rest } = report;
  return rest;
}

describe('ReportCodec', () => {
  const codec = new ReportCodec(defaultPolicy);

  it('stores checks without the policy texts and gives back the same JSON', () => {
    const report = evaluatedReport();
    const checks = report.readiness!.checks;
    expect(checks.find(c => c.id === 'slo-defined')?.state).toBe('waived');
    expect(
      checks.find(c => c.id === 'rollback-plan')?.attestation,
    ).toBeDefined();

    const body = codec.encodeBody(withoutTimestamp(report));
    const stored = JSON.parse(body);
    for (const check of stored.readiness.checks) {
      expect(check).not.toHaveProperty('title');
      expect(check).not.toHaveProperty('rationale');
      expect(check).not.toHaveProperty('area');
    }
    expect(body.length).toBeLessThan(
      JSON.stringify(withoutTimestamp(report)).length / 2,
    );
    expect(JSON.stringify(codec.decode(body))).toBe(
      JSON.stringify(withoutTimestamp(report)),
    );
  });

  it('keeps a how-to-fix that differs from the policy text', () => {
    const report = evaluatedReport();
    report.readiness!.checks[0] = {
      ...report.readiness!.checks[0],
      howToFix: 'Ask the platform team',
    };
    const body = codec.encodeBody(withoutTimestamp(report));
    expect(JSON.parse(body).readiness.checks[0].howToFix).toBe(
      'Ask the platform team',
    );
    expect(codec.decode(body).readiness!.checks[0]).toEqual(
      report.readiness!.checks[0],
    );
  });

  it('stores whole, and reads back as is, a check the policy texts do not describe', () => {
    const report = reportFor('component:default/a', {
      checks: [checkResult('owner', 'pass'), checkResult('custom', 'fail')],
    });
    const body = codec.encodeBody(withoutTimestamp(report));
    expect(JSON.parse(body).readiness.checks[1].title).toBe('custom');
    expect(codec.decode(body)).toEqual(withoutTimestamp(report));
  });

  it('reads back out-of-scope reports and rows stored whole before compaction', () => {
    const outOfScope = withoutTimestamp(
      reportFor('component:default/lib', { inScope: false }),
    );
    expect(codec.decode(codec.encodeBody(outOfScope))).toEqual(outOfScope);
    const whole = withoutTimestamp(evaluatedReport());
    expect(codec.decode(JSON.stringify(whole))).toEqual(whole);
  });
});
