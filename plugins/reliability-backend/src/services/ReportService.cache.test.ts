import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import {
  checkResult,
  descriptorFor,
  reportFor,
} from '../__testUtils__/reports';
import { ReportService, toGateResponse } from './ReportService';

jest.setTimeout(60_000);

const REF = 'component:default/checkout';
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service' },
};

describe('ReportService response cache', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseResultStore.create({
      database: { getClient: async () => knex },
      policy: defaultPolicy,
    });
    const evaluator = { evaluateAndStore: jest.fn() };
    const service = new ReportService({ resultStore: store, evaluator });
    const loadEntity = jest.fn(async () => entity);
    return { store, service, loadEntity };
  }

  it.each(databases.eachSupportedId())(
    'sends the same bytes again while the stored row is unchanged, %p',
    async databaseId => {
      const { store, service, loadEntity } = await setup(databaseId);
      const report = reportFor(REF, {
        evaluatedAt: '2026-11-22T10:00:00.000Z',
      });
      await store.writeResults([{ entity: descriptorFor('checkout'), report }]);
      const readJson = jest.spyOn(store, 'getReportJson');

      const first = await service.getReportBody(REF, loadEntity);
      expect(JSON.parse(first.body.toString())).toEqual(report);
      expect(first.etag).toMatch(/^W\/"[0-9a-f]{32}-[0-9a-z]+"$/);
      const second = await service.getReportBody(REF, loadEntity);
      expect(second.body).toBe(first.body);
      expect(second.etag).toBe(first.etag);
      expect(readJson).toHaveBeenCalledTimes(1);

      const gate = await service.getGateBody(REF, loadEntity);
      expect(JSON.parse(gate.body.toString())).toEqual(toGateResponse(report));
      expect(loadEntity).not.toHaveBeenCalled();
    },
  );

  it.each(databases.eachSupportedId())(
    'sees a rewrite of the row, also one made by another instance, %p',
    async databaseId => {
      const { store, service, loadEntity } = await setup(databaseId);
      const descriptor = descriptorFor('checkout');
      await store.writeResults([
        {
          entity: descriptor,
          report: reportFor(REF, { evaluatedAt: '2026-11-22T10:00:00.000Z' }),
        },
      ]);
      const before = await service.getReportBody(REF, loadEntity);
      const gateBefore = await service.getGateBody(REF, loadEntity);

      // Written through the store directly, as another backend replica would.
      const changed = reportFor(REF, {
        evaluatedAt: '2026-11-22T11:00:00.000Z',
        checks: [checkResult('owner', 'fail')],
      });
      await store.writeResults([{ entity: descriptor, report: changed }]);

      const after = await service.getReportBody(REF, loadEntity);
      expect(JSON.parse(after.body.toString())).toEqual(changed);
      expect(after.etag).not.toBe(before.etag);
      const gateAfter = await service.getGateBody(REF, loadEntity);
      expect(JSON.parse(gateAfter.body.toString()).evaluatedAt).toBe(
        '2026-11-22T11:00:00.000Z',
      );
      expect(gateAfter.body.equals(gateBefore.body)).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'moves a cached report to the time of a run that confirmed it, %p',
    async databaseId => {
      const { store, service, loadEntity } = await setup(databaseId);
      await store.writeResults([
        {
          entity: descriptorFor('checkout'),
          report: reportFor(REF, { evaluatedAt: '2026-11-22T10:00:00.000Z' }),
        },
      ]);
      const before = await service.getReportBody(REF, loadEntity);
      const runId = await store.startRun('2026-11-22T12:00:00.000Z');
      await store.finishRun(runId, {
        finishedAt: '2026-11-22T12:01:00.000Z',
        evaluated: 1,
        written: 0,
        deleted: 0,
      });
      service.invalidateLastRun();

      const after = await service.getReportBody(REF, loadEntity);
      expect(JSON.parse(after.body.toString()).evaluatedAt).toBe(
        '2026-11-22T12:01:00.000Z',
      );
      expect(after.etag).not.toBe(before.etag);
    },
  );

  it.each(databases.eachSupportedId())(
    'evaluates an entity with no stored result, reading it from the catalog, %p',
    async databaseId => {
      const { store, loadEntity } = await setup(databaseId);
      const fresh = reportFor(REF, { evaluatedAt: '2026-11-22T10:00:00.000Z' });
      const evaluator = { evaluateAndStore: jest.fn(async () => [fresh]) };
      const service = new ReportService({ resultStore: store, evaluator });
      const { body } = await service.getReportBody(REF, loadEntity);
      expect(JSON.parse(body.toString())).toEqual(fresh);
      expect(evaluator.evaluateAndStore).toHaveBeenCalledWith([entity]);
      expect(loadEntity).toHaveBeenCalledTimes(1);
    },
  );
});
