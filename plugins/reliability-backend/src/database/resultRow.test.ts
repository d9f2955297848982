import {
  CHECK_STATES,
  defaultPolicy,
  type ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import { encodeResult } from './resultRow';
import { StoredReportCodec } from './storedReport';
import {
  checkResult,
  descriptorFor,
  expectedResultHash,
  reportFor,
} from '../__testUtils__/reports';

const codec = new StoredReportCodec(defaultPolicy);
const prepareResult = (
  entity: Parameters<typeof encodeResult>[0],
  report: ReliabilityReport,
) => encodeResult(entity, report, codec);

describe('encodeResult', () => {
  const entity = descriptorFor('checkout');

  it('stores the report, evaluatedAt included, as JSON that reads back whole', () => {
    const report = reportFor(entity.entityRef);
    const { row } = prepareResult(entity, report);
    expect(codec.decode(row.report)).toEqual(report);
    expect(row.evaluated_at).toBe(report.evaluatedAt);
  });

  it('hashes the same result to the same value whatever its evaluatedAt', () => {
    const first = prepareResult(
      entity,
      reportFor(entity.entityRef, { evaluatedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const second = prepareResult(
      entity,
      reportFor(entity.entityRef, { evaluatedAt: '2026-02-01T00:00:00.000Z' }),
    );
    expect(first.row.result_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.row.result_hash).toBe(first.row.result_hash);
  });

  it('hashes as rows were always hashed, whatever the order of the report keys', () => {
    const report = reportFor(entity.entityRef);
    const { evaluatedAt, ...withoutTimestamp } = report;
    const expected = expectedResultHash(
      codec.encodeBody(withoutTimestamp),
      entity,
    );
    const inOrder = prepareResult(entity, report).row;
    expect(inOrder.result_hash).toBe(expected);

    const timestampFirst = prepareResult(entity, {
      evaluatedAt,
      ...withoutTimestamp,
    }).row;
    expect(timestampFirst.result_hash).toBe(expected);
    expect(timestampFirst.report).toBe(inOrder.report);
    expect(inOrder.report.endsWith(`,"evaluatedAt":"${evaluatedAt}"}`)).toBe(
      true,
    );
  });

  it('changes the hash when a check state or a descriptive column changes', () => {
    const base = prepareResult(entity, reportFor(entity.entityRef)).row
      .result_hash;
    const otherCheck = prepareResult(
      entity,
      reportFor(entity.entityRef, {
        checks: [
          checkResult('owner', 'pass'),
          checkResult('slo-defined', 'pass'),
        ],
      }),
    ).row.result_hash;
    const renamed = prepareResult(
      { ...entity, title: 'Checkout' },
      reportFor(entity.entityRef),
    ).row.result_hash;
    expect(otherCheck).not.toBe(base);
    expect(renamed).not.toBe(base);
  });

  it('derives the coverage flags from pass and warn states only', () => {
    const { row } = prepareResult(
      entity,
      reportFor(entity.entityRef, {
        checks: [
          checkResult('slo-defined', 'warn'),
          checkResult('slo-alerting', 'unknown'),
          checkResult('oncall', 'pass'),
          checkResult('runbook', 'waived'),
          checkResult('dashboard', 'fail'),
        ],
      }),
    );
    expect(row).toMatchObject({
      has_slo: true,
      has_slo_alerting: false,
      has_oncall: true,
      has_runbook: false,
      has_dashboard: false,
      has_waiver: true,
      in_scope: true,
      tier: 1,
      score: 50,
      verdict: 'not-ready',
      maturity_level: 0,
      expected_level: 3,
      gate_decision: 'block',
      owner_ref: 'group:default/team-a',
    });
  });

  it('summarises the checks that need attention, none when out of scope', () => {
    const inScope = prepareResult(entity, reportFor(entity.entityRef));
    expect(inScope.checkSummary).toEqual({
      entity_ref: entity.entityRef,
      failing: '["slo-defined"]',
      waived: '[]',
    });
    const everyState = prepareResult(
      entity,
      reportFor(entity.entityRef, {
        checks: CHECK_STATES.map(state => checkResult(`check-${state}`, state)),
      }),
    );
    expect(everyState.checkSummary).toEqual({
      entity_ref: entity.entityRef,
      failing: '["check-fail","check-unknown"]',
      waived: '["check-waived"]',
    });
    const allPassing = prepareResult(
      entity,
      reportFor(entity.entityRef, {
        checks: [checkResult('owner', 'pass'), checkResult('docs', 'warn')],
      }),
    );
    expect(allPassing.checkSummary).toBeNull();
    const outOfScope = prepareResult(
      entity,
      reportFor(entity.entityRef, { inScope: false }),
    );
    expect(outOfScope.checkSummary).toBeNull();
    expect(outOfScope.row).toMatchObject({
      in_scope: false,
      score: null,
      verdict: null,
      gate_decision: null,
      has_slo: false,
    });
  });
});
