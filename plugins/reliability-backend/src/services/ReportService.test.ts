import type { Entity } from '@backstage/catalog-model';
import type { ResultStore, StoredResult } from '../database/ResultStore';
import { ReportService, toGateResponse } from './ReportService';
import { reportFor } from '../__testUtils__/reports';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
  spec: { type: 'service' },
};
const REF = 'component:default/checkout';

function storeWith(
  result: StoredResult | undefined,
  lastRun?: { startedAt: string; finishedAt: string },
) {
  const store = {
    getResult: jest.fn().mockResolvedValue(result),
    getReportJson: jest.fn().mockResolvedValue(
      result && {
        entityRef: result.entityRef,
        reportJson: JSON.stringify(result.report),
        evaluatedAt: result.evaluatedAt,
        resultHash: result.resultHash,
      },
    ),
    getLastFinishedRun: jest
      .fn()
      .mockResolvedValue(
        lastRun && { id: 1, evaluated: 1, written: 0, deleted: 0, ...lastRun },
      ),
  };
  return store as unknown as ResultStore & typeof store;
}

function stored(evaluatedAt: string): StoredResult {
  return {
    entityRef: REF,
    report: reportFor(REF, { evaluatedAt }),
    evaluatedAt,
    resultHash: 'h',
  };
}

describe('ReportService', () => {
  it('evaluates on demand an entity that was never evaluated', async () => {
    const fresh = reportFor(REF, { evaluatedAt: '2026-11-22T10:05:00.000Z' });
    const evaluator = {
      evaluateAndStore: jest.fn().mockResolvedValue([fresh]),
    };
    const service = new ReportService({
      resultStore: storeWith(undefined),
      evaluator,
    });
    await expect(service.getReport(entity)).resolves.toBe(fresh);
    expect(evaluator.evaluateAndStore).toHaveBeenCalledWith([entity]);
  });

  it('serves the stored report with its own evaluatedAt when no run confirmed it since', async () => {
    const evaluator = { evaluateAndStore: jest.fn() };
    const service = new ReportService({
      resultStore: storeWith(stored('2026-11-22T10:05:00.000Z'), {
        startedAt: '2026-11-22T10:00:00.000Z',
        finishedAt: '2026-11-22T10:01:00.000Z',
      }),
      evaluator,
    });
    const report = await service.getReport(entity);
    expect(report.evaluatedAt).toBe('2026-11-22T10:05:00.000Z');
    expect(evaluator.evaluateAndStore).not.toHaveBeenCalled();
  });

  it('reports an unchanged result as evaluated when the last full run finished', async () => {
    const service = new ReportService({
      resultStore: storeWith(stored('2026-11-20T08:00:00.000Z'), {
        startedAt: '2026-11-22T10:00:00.000Z',
        finishedAt: '2026-11-22T10:01:00.000Z',
      }),
      evaluator: { evaluateAndStore: jest.fn() },
    });
    expect((await service.getReport(entity)).evaluatedAt).toBe(
      '2026-11-22T10:01:00.000Z',
    );
  });

  it('keeps the stored time of a result written during the last run', async () => {
    const service = new ReportService({
      resultStore: storeWith(stored('2026-11-22T10:00:30.000Z'), {
        startedAt: '2026-11-22T10:00:00.000Z',
        finishedAt: '2026-11-22T10:01:00.000Z',
      }),
      evaluator: { evaluateAndStore: jest.fn() },
    });
    expect((await service.getReport(entity)).evaluatedAt).toBe(
      '2026-11-22T10:00:30.000Z',
    );
  });

  it('remembers the last run briefly instead of querying it per request', async () => {
    const store = storeWith(stored('2026-11-20T08:00:00.000Z'));
    const service = new ReportService({
      resultStore: store,
      evaluator: { evaluateAndStore: jest.fn() },
    });
    await service.getReport(entity);
    await service.getReport(entity);
    expect(store.getLastFinishedRun).toHaveBeenCalledTimes(1);
    service.invalidateLastRun();
    await service.getReport(entity);
    expect(store.getLastFinishedRun).toHaveBeenCalledTimes(2);
  });
});

describe('ReportService.getReportJson', () => {
  const run = {
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:01:00.000Z',
  };

  it('sends a stored report as stored when its time stands', async () => {
    const store = storeWith(stored('2026-11-22T10:05:00.000Z'), run);
    const service = new ReportService({
      resultStore: store,
      evaluator: { evaluateAndStore: jest.fn() },
    });
    const json = await service.getReportJson(entity);
    expect(json).toBe(
      JSON.stringify(stored('2026-11-22T10:05:00.000Z').report),
    );
  });

  it('rewrites only the trailing evaluatedAt of a result the last run confirmed', async () => {
    const service = new ReportService({
      resultStore: storeWith(stored('2026-11-20T08:00:00.000Z'), run),
      evaluator: { evaluateAndStore: jest.fn() },
    });
    const report = JSON.parse(await service.getReportJson(entity));
    expect(report).toEqual({
      ...reportFor(REF),
      evaluatedAt: '2026-11-22T10:01:00.000Z',
    });
  });

  it('evaluates on demand and serialises an entity never evaluated', async () => {
    const fresh = reportFor(REF, { evaluatedAt: '2026-11-22T10:05:00.000Z' });
    const service = new ReportService({
      resultStore: storeWith(undefined),
      evaluator: { evaluateAndStore: jest.fn().mockResolvedValue([fresh]) },
    });
    expect(JSON.parse(await service.getReportJson(entity))).toEqual(fresh);
  });
});

describe('toGateResponse', () => {
  it('returns the report gate with the entity, tier and time', () => {
    expect(
      toGateResponse(
        reportFor(REF, { evaluatedAt: '2026-11-22T10:00:00.000Z' }),
      ),
    ).toEqual({
      decision: 'block',
      reasons: ['owner missing'],
      entityRef: REF,
      tier: 1,
      enforced: true,
      evaluatedAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it('allows an entity outside the policy scope, saying why', () => {
    expect(
      toGateResponse(reportFor(REF, { inScope: false, tier: null })),
    ).toEqual({
      decision: 'allow',
      reasons: [
        "component:default/checkout is outside the reliability policy's scope, so no release requirements apply",
      ],
      entityRef: REF,
      tier: null,
      enforced: false,
      evaluatedAt: '2026-11-22T10:00:00.000Z',
    });
  });
});
