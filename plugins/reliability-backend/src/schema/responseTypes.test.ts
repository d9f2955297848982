import fs from 'node:fs';
import { parse } from 'yaml';
import type {
  CoverageResponse,
  EntityReviewState,
  GateResponse,
  ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import { SPEC_PATH } from '../__testUtils__/openApiSpec';

/**
 * Every member of a response type, and no other: the compiler refuses a missing or an extra
 * key, so the list follows the type, and the test compares it with the spec.
 */
type Members<T> = Record<keyof T, true>;

const responseTypes: Record<string, Members<any>> = {
  Report: {
    entityRef: true,
    inScope: true,
    tier: true,
    slos: true,
    oncall: true,
    runbooks: true,
    dashboards: true,
    runbooksReviewed: true,
    readiness: true,
    maturity: true,
    gate: true,
    problems: true,
    evaluatedAt: true,
  } satisfies Members<ReliabilityReport>,
  GateResponse: {
    decision: true,
    reasons: true,
    entityRef: true,
    tier: true,
    enforced: true,
    evaluatedAt: true,
  } satisfies Members<GateResponse>,
  EntityReviewState: {
    entityRef: true,
    inScope: true,
    tier: true,
    approverGroup: true,
    maxWaiverDays: true,
    checks: true,
    review: true,
    allowed: true,
  } satisfies Members<EntityReviewState>,
  CoverageResponse: {
    rows: true,
    asOf: true,
  } satisfies Members<CoverageResponse>,
};

describe('the response types shared with the frontend', () => {
  const schemas = parse(fs.readFileSync(SPEC_PATH, 'utf8')).components.schemas;

  it.each(Object.entries(responseTypes))(
    'has the members of the spec, each required: %s',
    (schemaName, members) => {
      const schema = schemas[schemaName];
      expect(Object.keys(schema.properties).sort()).toEqual(
        Object.keys(members).sort(),
      );
      expect([...schema.required].sort()).toEqual(Object.keys(members).sort());
    },
  );
});
