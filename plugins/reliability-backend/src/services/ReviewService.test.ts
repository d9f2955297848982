import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  defaultPolicy,
  type ReliabilityReport,
} from '@reliability-suite/plugin-reliability-common';
import { DatabaseReviewStore } from '../database/DatabaseReviewStore';
import { ReviewService } from './ReviewService';

jest.setTimeout(60_000);

const ENTITY_REF = 'component:default/checkout';
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};
const report = {
  entityRef: ENTITY_REF,
  inScope: true,
  tier: { level: 1, name: 'Tier 1' },
  readiness: { score: 50, verdict: 'not-ready', checks: [] },
  evaluatedAt: '2026-11-22T09:00:00.000Z',
} as unknown as ReliabilityReport;

describe('ReviewService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(now: { value: Date }) {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseReviewStore.create({
      database: { getClient: async () => knex },
    });
    const evaluator = { evaluateEntity: jest.fn(async () => report) };
    const logger = mockServices.logger.mock();
    const service = new ReviewService({
      store,
      policy: defaultPolicy,
      catalog: catalogServiceMock({ entities: [entity] }),
      reports: { getReport: async () => report },
      evaluator,
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
      userInfo: mockServices.userInfo(),
      logger,
      now: () => now.value,
    });
    return { service, evaluator, logger, store };
  }

  it('refuses to approve a waiver that expired while it waited', async () => {
    const now = { value: new Date('2026-11-22T10:00:00.000Z') };
    const { service } = await setup(now);
    const { result: waiver } = await service.requestWaiver(
      ENTITY_REF,
      'load-test',
      { justification: 'j', expiresAt: '2026-11-30', expectedVersion: 0 },
      mockCredentials.user('user:default/guest'),
    );

    now.value = new Date('2026-12-01T00:00:00.000Z');
    await expect(
      service.decideWaiver(
        ENTITY_REF,
        waiver.id,
        'approved',
        { comment: 'late', expectedVersion: 1 },
        mockCredentials.user('user:default/sre-lead'),
      ),
    ).rejects.toThrow(
      `Waiver ${waiver.id} expired on 2026-11-30T23:59:59.999Z; request a new one`,
    );
    await expect(
      service.decideWaiver(
        ENTITY_REF,
        waiver.id,
        'rejected',
        { comment: 'expired anyway', expectedVersion: 1 },
        mockCredentials.user('user:default/sre-lead'),
      ),
    ).resolves.toMatchObject({ result: { status: 'rejected' } });
  });

  it('lists only pending and unexpired approved waivers in the review state', async () => {
    const now = { value: new Date('2026-11-22T10:00:00.000Z') };
    const { service } = await setup(now);
    const owner = mockCredentials.user('user:default/guest');
    const approver = mockCredentials.user('user:default/sre-lead');
    const { result: shortWaiver } = await service.requestWaiver(
      ENTITY_REF,
      'load-test',
      { justification: 'short', expiresAt: '2026-11-25', expectedVersion: 0 },
      owner,
    );
    await service.decideWaiver(
      ENTITY_REF,
      shortWaiver.id,
      'approved',
      { comment: 'ok', expectedVersion: 1 },
      approver,
    );
    await service.requestWaiver(
      ENTITY_REF,
      'load-test',
      { justification: 'renewal', expiresAt: '2027-01-10', expectedVersion: 1 },
      owner,
    );

    let state = await service.getReviewState(ENTITY_REF, owner);
    let loadTest = state.checks.find(c => c.checkId === 'load-test')!;
    expect(loadTest.waivers.map(w => w.justification)).toEqual([
      'renewal',
      'short',
    ]);

    now.value = new Date('2026-11-26T00:00:00.000Z');
    state = await service.getReviewState(ENTITY_REF, owner);
    loadTest = state.checks.find(c => c.checkId === 'load-test')!;
    expect(loadTest.waivers.map(w => w.justification)).toEqual(['renewal']);
    expect(loadTest.waiverVersion).toBe(2);
    expect(state.checks.map(c => c.checkId)).toEqual(
      defaultPolicy.checks.map(c => c.id),
    );
    expect(state.checks.find(c => c.checkId === 'owner')).toMatchObject({
      kind: 'automatic',
      validityDays: null,
    });
  });

  it('keeps a write when the re-evaluation after it fails, and says so in the log', async () => {
    const now = { value: new Date('2026-11-22T10:00:00.000Z') };
    const { service, evaluator, logger } = await setup(now);
    evaluator.evaluateEntity.mockRejectedValueOnce(new Error('catalog down'));

    const outcome = await service.attest(
      ENTITY_REF,
      'rollback-plan',
      {
        evidenceUrl: 'https://wiki.example.com/rollback',
        comment: 'drill',
        expectedVersion: 0,
      },
      mockCredentials.user('user:default/guest'),
    );
    expect(outcome.report).toBeNull();
    expect(outcome.result).toMatchObject({
      version: 1,
      attestedAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2027-11-22T10:00:00.000Z',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });

  it('grants no actions to a service principal reading the review state', async () => {
    const now = { value: new Date('2026-11-22T10:00:00.000Z') };
    const { service } = await setup(now);
    const state = await service.getReviewState(
      ENTITY_REF,
      mockCredentials.service(),
    );
    expect(Object.values(state.allowed).some(Boolean)).toBe(false);
  });
  it('lists what expires soon on the entities the caller can see, soonest first', async () => {
    const now = { value: new Date('2026-11-22T10:00:00.000Z') };
    const { service, store } = await setup(now);
    const guest = mockCredentials.user('user:default/guest');
    const { result: waiver } = await service.requestWaiver(
      ENTITY_REF,
      'load-test',
      { justification: 'j', expiresAt: '2026-12-10', expectedVersion: 0 },
      guest,
    );
    await service.decideWaiver(
      ENTITY_REF,
      waiver.id,
      'approved',
      { comment: 'ok', expectedVersion: 1 },
      mockCredentials.user('user:default/sre-lead'),
    );
    const { result: attestation } = await service.attest(
      ENTITY_REF,
      'rollback-plan',
      {
        evidenceUrl: 'https://wiki.example.com/rollback',
        comment: 'exercised',
        expectedVersion: 0,
      },
      guest,
    );
    // An entity the catalog does not show the caller: its waiver stays private.
    const hidden = await store.createWaiver(
      {
        entityRef: 'component:default/hidden',
        actor: 'user:default/other',
        at: now.value.toISOString(),
      },
      {
        checkId: 'load-test',
        justification: 'j',
        expiresAt: '2026-12-01T00:00:00.000Z',
        expectedVersion: 0,
      },
    );
    await store.decideWaiver(
      {
        entityRef: 'component:default/hidden',
        actor: 'user:default/sre-lead',
        at: now.value.toISOString(),
      },
      {
        waiverId: hidden.id,
        status: 'approved',
        comment: 'ok',
        expectedVersion: 1,
      },
    );

    expect(await service.listExpiring(30, 50, guest)).toEqual([
      {
        type: 'waiver',
        id: waiver.id,
        entityRef: ENTITY_REF,
        checkId: 'load-test',
        expiresAt: '2026-12-10T23:59:59.999Z',
        daysLeft: 18,
        by: 'user:default/guest',
      },
    ]);
    const year = await service.listExpiring(366, 50, guest);
    expect(year.map(item => [item.type, item.id, item.daysLeft])).toEqual([
      ['waiver', waiver.id, 18],
      ['attestation', attestation.id, 365],
    ]);
    now.value = new Date('2026-12-11T00:00:00.000Z');
    expect(await service.listExpiring(30, 50, guest)).toEqual([]);
  });
});
