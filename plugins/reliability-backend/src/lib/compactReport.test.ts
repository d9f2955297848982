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

/**
 * The stored JSON that versions before tuples wrote, restated here on purpose: rows in
 * that form stay in databases until their entity next changes, and must read the same.
 */
function legacyBody(report: Omit<ReliabilityReport, 'evaluatedAt'>): string {
  const definitions = new Map(defaultPolicy.checks.map(c => [c.id, c]));
  const checks = report.readiness!.checks.map(check => {
    const definition = definitions.get(check.id);
    if (
      !definition ||
      check.title !== definition.title ||
      check.area !== definition.area ||
      check.kind !== definition.kind ||
      check.rationale !== definition.rationale
    ) {
      return check;
    }
    const { title, area, kind, rationale, howToFix, ...perEntity } = check;
    return howToFix === definition.howToFix
      ? perEntity
      : { ...perEntity, howToFix };
  });
  return JSON.stringify({
    ...report,
    readiness: { ...report.readiness, checks },
  });
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

  it('stores each check as [id, state, required, blocking, message] and its other members after', () => {
    const report = evaluatedReport();
    const stored = JSON.parse(codec.encodeBody(withoutTimestamp(report)))
      .readiness.checks;
    const owner = report.readiness!.checks.find(c => c.id === 'owner')!;
    expect(stored.find((c: unknown[]) => c[0] === 'owner')).toEqual([
      'owner',
      owner.state,
      owner.required,
      owner.blocking,
      owner.message,
    ]);
    const waived = report.readiness!.checks.find(c => c.state === 'waived')!;
    expect(stored.find((c: unknown[]) => c[0] === waived.id)).toEqual([
      waived.id,
      'waived',
      waived.required,
      waived.blocking,
      waived.message,
      { underlyingState: waived.underlyingState, waiver: waived.waiver },
    ]);
  });

  it('stores whole a check whose members a tuple would not give back exactly', () => {
    const report = evaluatedReport();
    report.readiness!.checks[0] = {
      ...report.readiness!.checks[0],
      message: undefined as unknown as string,
    };
    const body = codec.encodeBody(withoutTimestamp(report));
    expect(JSON.parse(body).readiness.checks[0]).toHaveProperty('title');
    expect(codec.expandJson(body)).toBe(
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
    expect(JSON.parse(body).readiness.checks[0][5]).toEqual({
      howToFix: 'Ask the platform team',
    });
    expect(codec.decode(body).readiness!.checks[0]).toEqual(
      report.readiness!.checks[0],
    );
  });

  it('keeps the extra members of a check whose keys come in another order', () => {
    const report = evaluatedReport();
    const { id, state, required, blocking, message, ...rest } =
      report.readiness!.checks[0];
    // An extra member among the usual ones, and the usual ones reordered after it.
    report.readiness!.checks[0] = {
      id,
      state,
      underlyingState: 'fail',
      blocking,
      required,
      message,
      ...rest,
    };
    const body = codec.encodeBody(withoutTimestamp(report));
    expect(JSON.parse(body).readiness.checks[0]).toEqual([
      id,
      state,
      required,
      blocking,
      message,
      { underlyingState: 'fail' },
    ]);
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

  describe('expandJson', () => {
    /** What the report endpoint sent before expandJson: parse, expand, serialise. */
    const viaDecode = (json: string) => JSON.stringify(codec.decode(json));

    it('gives the same text as serialising the decoded report', () => {
      const report = evaluatedReport();
      report.readiness!.checks[0] = {
        ...report.readiness!.checks[0],
        howToFix: 'Ask the platform team',
      };
      const body = codec.encodeBody(withoutTimestamp(report));
      expect(codec.expandJson(body)).toBe(viaDecode(body));
      expect(codec.expandJson(body)).toBe(
        JSON.stringify(withoutTimestamp(report)),
      );
      const stored = `${body.slice(
        0,
        -1,
      )},"evaluatedAt":"${NOW.toISOString()}"}`;
      expect(codec.expandJson(stored)).toBe(JSON.stringify(report));
    });

    it('splices the texts in without decoding what encodeBody wrote', () => {
      const splicing = new ReportCodec(defaultPolicy);
      const decode = jest.spyOn(splicing, 'decode');
      const report = withoutTimestamp(evaluatedReport());
      report.readiness!.checks[1] = {
        ...report.readiness!.checks[1],
        howToFix: 'Custom',
      };
      const outOfScope = withoutTimestamp(
        reportFor('component:default/lib', { inScope: false }),
      );
      for (const full of [report, outOfScope]) {
        expect(splicing.expandJson(splicing.encodeBody(full))).toBe(
          JSON.stringify(full),
        );
      }
      // A row stored whole before compaction.
      expect(splicing.expandJson(JSON.stringify(report))).toBe(
        JSON.stringify(report),
      );
      expect(decode).not.toHaveBeenCalled();
      splicing.expandJson(JSON.stringify(report, null, 1));
      expect(decode).toHaveBeenCalledTimes(1);
    });

    it('moves a stored how-to-fix in front of the per-entity keys after it', () => {
      const report = evaluatedReport();
      const index = report.readiness!.checks.findIndex(c => c.attestation);
      report.readiness!.checks[index] = {
        ...report.readiness!.checks[index],
        howToFix: 'Renew the attestation',
      };
      const body = codec.encodeBody(withoutTimestamp(report));
      const storedCheck = JSON.parse(body).readiness.checks[index];
      expect(Object.keys(storedCheck[5])).toEqual(['attestation', 'howToFix']);
      const expanded = codec.expandJson(body);
      expect(expanded).toBe(viaDecode(body));
      expect(Object.keys(JSON.parse(expanded).readiness.checks[index])).toEqual(
        Object.keys(report.readiness!.checks[index]),
      );
    });

    it('leaves checks stored whole, out-of-scope reports and empty check lists as they are', () => {
      const custom = JSON.stringify(
        withoutTimestamp(
          reportFor('component:default/a', {
            checks: [
              checkResult('owner', 'pass'),
              checkResult('custom', 'fail'),
            ],
          }),
        ),
      );
      const whole = JSON.stringify(withoutTimestamp(evaluatedReport()));
      const outOfScope = codec.encodeBody(
        withoutTimestamp(
          reportFor('component:default/lib', { inScope: false }),
        ),
      );
      const noChecks = codec.encodeBody(
        withoutTimestamp(reportFor('component:default/b', { checks: [] })),
      );
      for (const json of [custom, whole, outOfScope, noChecks]) {
        expect(codec.expandJson(json)).toBe(viaDecode(json));
        expect(codec.expandJson(json)).toBe(json);
      }
    });

    it('expands checks the policy no longer defines, and a how-to-fix stored as null, as decode does', () => {
      const stored = JSON.stringify({
        entityRef: 'component:default/a',
        readiness: {
          score: 1,
          verdict: 'ready',
          checks: [
            {
              id: 'retired-check',
              state: 'pass',
              required: false,
              blocking: false,
              message: 'm',
            },
            {
              id: 'owner',
              state: 'fail',
              required: true,
              blocking: true,
              message: 'm',
              howToFix: null,
            },
            {
              id: 'tier',
              state: 'fail',
              required: true,
              blocking: true,
              message: 'm',
              underlyingState: 'fail',
              waiver: { id: 'w' },
            },
          ],
        },
        gate: null,
      });
      const expanded = codec.expandJson(stored);
      expect(expanded).toBe(viaDecode(stored));
      const checks = JSON.parse(expanded).readiness.checks;
      expect(checks[0]).toMatchObject({
        title: 'retired-check',
        area: 'Other',
        kind: 'automatic',
        howToFix: '',
      });
      expect(checks[1].howToFix).toBe(
        defaultPolicy.checks.find(c => c.id === 'owner')!.howToFix,
      );
    });

    it('uses the policy texts it was made with, including a check without a rationale', () => {
      const policy = {
        checks: [
          {
            ...defaultPolicy.checks[0],
            howToFix: 'Fix it – now "please"',
          },
        ],
      };
      // A policy read from configuration may leave it out, whatever the type says.
      delete (policy.checks[0] as { rationale?: string }).rationale;
      const ownCodec = new ReportCodec(policy);
      const stored = JSON.stringify({
        readiness: {
          checks: [
            {
              id: policy.checks[0].id,
              state: 'fail',
              required: true,
              blocking: false,
              message: 'no',
            },
          ],
        },
      });
      const expanded = ownCodec.expandJson(stored);
      expect(expanded).toBe(JSON.stringify(ownCodec.decode(stored)));
      expect(expanded).not.toContain('rationale');
      expect(JSON.parse(expanded).readiness.checks[0].howToFix).toBe(
        'Fix it – now "please"',
      );
    });

    it('falls back to decoding text it cannot splice, with the same result', () => {
      const report = withoutTimestamp(evaluatedReport());
      const body = codec.encodeBody(report);
      const storedChecks = JSON.parse(body).readiness.checks;
      const cases = [
        // Not compact.
        JSON.stringify(JSON.parse(body), null, 2),
        // A policy text without a title: decode puts it where the policy text goes.
        JSON.stringify({
          ...JSON.parse(body),
          readiness: { checks: [{ ...storedChecks[0], area: 'Custom' }] },
        }),
        // Keys in another order than evaluateEntity writes them.
        JSON.stringify({
          readiness: { checks: [{ state: 'pass', id: 'owner', message: 'm' }] },
        }),
        // No readiness at all.
        JSON.stringify({ entityRef: 'component:default/x' }),
      ];
      for (const json of cases) {
        expect(codec.expandJson(json)).toBe(viaDecode(json));
      }
    });

    it('expands rows written with checks as objects, before tuples, to the same text', () => {
      const report = evaluatedReport();
      const index = report.readiness!.checks.findIndex(c => c.attestation);
      report.readiness!.checks[index] = {
        ...report.readiness!.checks[index],
        howToFix: 'Renew the attestation',
      };
      const splicing = new ReportCodec(defaultPolicy);
      const decode = jest.spyOn(splicing, 'decode');
      const legacy = legacyBody(withoutTimestamp(report));
      expect(JSON.parse(legacy).readiness.checks[0]).toHaveProperty('id');
      expect(splicing.expandJson(legacy)).toBe(
        JSON.stringify(withoutTimestamp(report)),
      );
      expect(decode).not.toHaveBeenCalled();
      expect(splicing.decode(legacy)).toEqual(withoutTimestamp(report));
    });

    it('gives the same text as decode for reports full of characters JSON escapes', () => {
      // Deterministic pseudo-random texts built from the characters that matter to a
      // scanner: quotes, backslashes, brackets, JSON-looking fragments, non-ASCII.
      const pieces = [
        '"',
        '\\',
        '\\"',
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        '{"id":"x"',
        '"readiness":',
        ',"message":"',
        'é',
        '–',
        '😀',
        '\n',
        '\u0001',
        '\ud800',
        'plain',
      ];
      let seed = 42;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const text = () =>
        Array.from(
          { length: Math.floor(random() * 6) },
          () => pieces[Math.floor(random() * pieces.length)],
        ).join('');
      const splicing = new ReportCodec(defaultPolicy);
      const decode = jest.spyOn(splicing, 'decode');
      for (let round = 0; round < 200; round++) {
        const report = withoutTimestamp(evaluatedReport());
        report.entityRef = `component:default/${text()}`;
        report.problems = [{ severity: 'error', message: text() }];
        report.readiness!.checks = report.readiness!.checks.map(check => ({
          ...check,
          message: text(),
          ...(random() < 0.2 ? { howToFix: text() } : {}),
          ...(random() < 0.1 ? { title: text() } : {}),
        }));
        report.gate!.reasons = [text(), text()];
        const body = codec.encodeBody(report);
        expect(codec.expandJson(body)).toBe(viaDecode(body));
        expect(splicing.expandJson(body)).toBe(JSON.stringify(report));
        const legacy = legacyBody(report);
        expect(splicing.expandJson(legacy)).toBe(JSON.stringify(report));
      }
      expect(decode).not.toHaveBeenCalled();
    });
  });
});
