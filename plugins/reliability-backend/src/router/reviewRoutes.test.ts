import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { TABLES } from '../services/types';
import { createCatalogFixture } from '../__testUtils__/fixtures';
import { expectToMatchSpec } from '../__testUtils__/openApiSpec';
import {
  CHECKOUT,
  ENTITIES,
  OUTSIDER,
  OWNER,
  SECOND_OWNER,
  startReviewBackend,
} from '../__testUtils__/reviewBackend';

jest.setTimeout(120_000);

const ROLLBACK = `${CHECKOUT}/checks/rollback-plan/attestations`;
const EVIDENCE = {
  evidenceUrl: 'https://wiki.example.com/checkout/rollback-drill',
  comment: 'Rolled back v41 to v40 in staging in 4 minutes',
};

function checkOf(report: any, id: string) {
  return report.readiness.checks.find((c: any) => c.id === id);
}

describe('review routes: attestations, validation, history', () => {
  let fixture: Awaited<ReturnType<typeof createCatalogFixture>>;

  beforeEach(async () => {
    fixture = await createCatalogFixture();
  });

  afterEach(async () => {
    await fixture.cleanup();
  });

  it('attests a check as an owner: recorded with who and when, scored at once, audited', async () => {
    const { as, events } = await startReviewBackend({
      entities: fixture.entities,
    });
    const before = await as(OWNER).get(`${CHECKOUT}/report`);
    expect(checkOf(before.body, 'rollback-plan').state).toBe('fail');

    const res = await as(OWNER).post(ROLLBACK, {
      ...EVIDENCE,
      expectedVersion: 0,
    });
    expect(res.status).toBe(201);
    expectToMatchSpec(res);
    expect(res.body.attestation).toMatchObject({
      entityRef: 'component:default/checkout',
      checkId: 'rollback-plan',
      evidenceUrl: EVIDENCE.evidenceUrl,
      comment: EVIDENCE.comment,
      attestedBy: OWNER,
      version: 1,
    });
    const { attestedAt, expiresAt } = res.body.attestation;
    expect(Date.parse(expiresAt) - Date.parse(attestedAt)).toBe(365 * 86400000);
    const check = checkOf(res.body.report, 'rollback-plan');
    expect(check.state).toBe('pass');
    expect(check.attestation).toMatchObject({
      evidenceUrl: EVIDENCE.evidenceUrl,
      attestedBy: OWNER,
      expiresAt,
    });
    expect(res.body.report.readiness.score).toBeGreaterThan(
      before.body.readiness.score,
    );

    const stored = await as(OWNER).get(`${CHECKOUT}/report`);
    expect(checkOf(stored.body, 'rollback-plan').state).toBe('pass');

    const state = await as(OWNER).get(`${CHECKOUT}/review-state`);
    expect(state.status).toBe(200);
    expectToMatchSpec(state);
    const rollback = state.body.checks.find(
      (c: any) => c.checkId === 'rollback-plan',
    );
    expect(rollback).toMatchObject({
      kind: 'attested',
      validityDays: 365,
      attestationVersion: 1,
      attestation: { id: res.body.attestation.id },
    });
    expect(state.body.allowed).toEqual({
      attest: true,
      revokeAttestation: true,
      requestWaiver: true,
      approveWaiver: false,
      requestReview: true,
      signOffReview: false,
    });

    expect(events).toEqual([
      {
        eventId: 'attestation-create',
        meta: {
          entityRef: 'component:default/checkout',
          checkId: 'rollback-plan',
        },
        outcome: 'success',
      },
    ]);
  });

  it('revokes an attestation, keeps every version, and the check fails again', async () => {
    const { as } = await startReviewBackend({ entities: fixture.entities });
    await as(OWNER).post(ROLLBACK, { ...EVIDENCE, expectedVersion: 0 });
    await as(SECOND_OWNER).post(ROLLBACK, {
      ...EVIDENCE,
      comment: 'Drill repeated after the migration',
      expectedVersion: 1,
    });

    const revoked = await as(OWNER).post(`${ROLLBACK}/revoke`, {
      comment: 'Runbook changed; drill needed again',
      expectedVersion: 2,
    });
    expect(revoked.status).toBe(200);
    expectToMatchSpec(revoked);
    expect(revoked.body.attestation).toMatchObject({
      version: 3,
      revokedBy: OWNER,
    });
    expect(checkOf(revoked.body.report, 'rollback-plan').state).toBe('fail');

    const versions = await as(OWNER).get(ROLLBACK);
    expect(versions.status).toBe(200);
    expectToMatchSpec(versions);
    expect(
      versions.body.items.map((a: any) => [a.version, a.attestedBy]),
    ).toEqual([
      [3, SECOND_OWNER],
      [2, SECOND_OWNER],
      [1, OWNER],
    ]);

    const again = await as(OWNER).post(`${ROLLBACK}/revoke`, {
      expectedVersion: 3,
    });
    expect(again.status).toBe(404);
    expectToMatchSpec(again);
    expect(again.body.error.message).toBe(
      'Check rollback-plan of component:default/checkout has no current attestation to revoke',
    );
  });

  it('refuses a stale write with 409 and changes nothing', async () => {
    const { as, events } = await startReviewBackend({
      entities: fixture.entities,
    });
    await as(OWNER).post(ROLLBACK, { ...EVIDENCE, expectedVersion: 0 });

    const stale = await as(SECOND_OWNER).post(ROLLBACK, {
      ...EVIDENCE,
      comment: 'based on an old page',
      expectedVersion: 0,
    });
    expect(stale.status).toBe(409);
    expectToMatchSpec(stale);
    expect(stale.body.error.message).toMatch(
      /expectedVersion 0 is stale, the current version is 1/,
    );
    const history = await as(OWNER).get(`${CHECKOUT}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].actor).toBe(OWNER);
    expect(events.map(e => e.outcome)).toEqual(['success', 'fail']);
    expect(events[1].error).toMatch(/stale/);
  });

  it('answers 400, not 500, to a body that is not JSON or is too large', async () => {
    const { server } = await startReviewBackend({
      entities: fixture.entities,
    });
    const broken = await request(server)
      .post(ROLLBACK)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .set('Content-Type', 'application/json')
      .send('{"evidenceUrl": "https://wiki.example.com",');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(
      /^Invalid request body: it is not valid JSON/,
    );

    const huge = await request(server)
      .post(ROLLBACK)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send({ ...EVIDENCE, comment: 'x'.repeat(200_000), expectedVersion: 0 });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(
      /^Invalid request body: it is larger than 100kb/,
    );
  });

  it('lets a CI token restricted to this plugin read review state, history, the latest review and attestations', async () => {
    const { server } = await startReviewBackend({
      entities: fixture.entities,
      catalogRefuses: 'external:ci',
    });
    const ci = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('external:ci'),
      targetPluginId: 'reliability',
    });
    for (const path of [
      `${CHECKOUT}/review-state`,
      `${CHECKOUT}/history`,
      `${CHECKOUT}/reviews/latest`,
      `${ROLLBACK}`,
    ]) {
      const res = await request(server).get(path).set('Authorization', ci);
      expect([path, res.status]).toEqual([path, 200]);
      expectToMatchSpec(res);
    }
    const state = await request(server)
      .get(`${CHECKOUT}/review-state`)
      .set('Authorization', ci);
    expect(Object.values(state.body.allowed)).toEqual(Array(6).fill(false));
    const write = await request(server)
      .post(ROLLBACK)
      .set('Authorization', ci)
      .send({ ...EVIDENCE, expectedVersion: 0 });
    expect(write.status).toBe(403);
  });

  it('answers 401 to unauthenticated writes and 403 with a message to non-owners', async () => {
    const { as, server } = await startReviewBackend({
      entities: fixture.entities,
    });
    const anonymous = await request(server)
      .post(ROLLBACK)
      .set('Authorization', mockCredentials.none.header())
      .send({ ...EVIDENCE, expectedVersion: 0 });
    expect(anonymous.status).toBe(401);

    const service = await request(server)
      .post(ROLLBACK)
      .set('Authorization', mockCredentials.service.header())
      .send({ ...EVIDENCE, expectedVersion: 0 });
    expect(service.status).toBe(403);
    expect(service.body.error.message).toMatch(
      /^Review writes need a signed-in user/,
    );

    const outsider = await as(OUTSIDER).post(ROLLBACK, {
      ...EVIDENCE,
      expectedVersion: 0,
    });
    expect(outsider.status).toBe(403);
    expectToMatchSpec(outsider);
    expect(outsider.body.error.message).toBe(
      'You may not attest checks of component:default/checkout (permission reliability.attestation.create)',
    );

    const state = await as(OUTSIDER).get(`${CHECKOUT}/review-state`);
    expect(state.status).toBe(200);
    expect(Object.values(state.body.allowed)).toEqual(Array(6).fill(false));
  });

  it.each([
    [
      'a URL that is not http(s)',
      ROLLBACK,
      {
        ...EVIDENCE,
        evidenceUrl: 'ftp://files.example.com/x',
        expectedVersion: 0,
      },
      'Invalid evidenceUrl: must be an http(s) URL',
    ],
    [
      'a URL that is no URL',
      ROLLBACK,
      { ...EVIDENCE, evidenceUrl: 'see wiki', expectedVersion: 0 },
      'Invalid evidenceUrl: must be an http(s) URL',
    ],
    [
      'an oversized comment',
      ROLLBACK,
      { ...EVIDENCE, comment: 'x'.repeat(2001), expectedVersion: 0 },
      'Invalid comment: must be at most 2000 characters',
    ],
    [
      'an empty comment',
      ROLLBACK,
      { ...EVIDENCE, comment: '   ', expectedVersion: 0 },
      'Invalid comment: must not be empty',
    ],
    [
      'a missing expectedVersion',
      ROLLBACK,
      EVIDENCE,
      'Invalid expectedVersion: is required',
    ],
    [
      'a negative expectedVersion',
      ROLLBACK,
      { ...EVIDENCE, expectedVersion: -1 },
      'Invalid expectedVersion: must be 0 or more',
    ],
    [
      'an automatic check',
      `${CHECKOUT}/checks/oncall/attestations`,
      { ...EVIDENCE, expectedVersion: 0 },
      'Invalid checkId: "oncall" is an automatic check; it is computed from the catalog and cannot be attested',
    ],
    [
      'an unknown check id',
      `${CHECKOUT}/checks/rollback-plam/attestations`,
      { ...EVIDENCE, expectedVersion: 0 },
      'Invalid checkId: "rollback-plam" is not a check of the reliability policy',
    ],
    [
      'a malformed check id',
      `${CHECKOUT}/checks/${encodeURIComponent('a b')}/attestations`,
      { ...EVIDENCE, expectedVersion: 0 },
      'Invalid checkId: must be a check id such as "rollback-plan"',
    ],
    [
      'a malformed entity kind',
      `${ENTITIES}/comp!onent/default/checkout/checks/rollback-plan/attestations`,
      { ...EVIDENCE, expectedVersion: 0 },
      'Invalid entity kind',
    ],
    [
      'a waiver for an entity out of scope',
      `${ENTITIES}/component/default/ui-kit/checks/docs/waivers`,
      { justification: 'library', expiresAt: '2099-01-01', expectedVersion: 0 },
      'Invalid entity: component:default/ui-kit is outside the reliability policy',
    ],
    [
      'a waiver whose expiry is in the past',
      `${CHECKOUT}/checks/load-test/waivers`,
      { justification: 'j', expiresAt: '2020-01-01', expectedVersion: 0 },
      'Invalid expiresAt: 2020-01-01T23:59:59.999Z is in the past',
    ],
    [
      'a waiver beyond the maximum',
      `${CHECKOUT}/checks/load-test/waivers`,
      {
        justification: 'j',
        expiresAt: new Date(Date.now() + 181 * 86400000).toISOString(),
        expectedVersion: 0,
      },
      'Invalid expiresAt: a waiver may last at most 180 days',
    ],
    [
      'a waiver with no expiry',
      `${CHECKOUT}/checks/load-test/waivers`,
      { justification: 'j', expectedVersion: 0 },
      'Invalid expiresAt: is required',
    ],
    [
      'a decision on a malformed waiver id',
      `${CHECKOUT}/waivers/not-an-id/approve`,
      { comment: 'ok', expectedVersion: 1 },
      'Invalid waiverId: must be an id returned by this API',
    ],
  ])('answers 400 naming the field for %s', async (_, path, body, message) => {
    const { as } = await startReviewBackend({ entities: fixture.entities });
    const res = await as(OWNER).post(path, body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
    expectToMatchSpec(res);
  });

  it('answers 404 for an entity the catalog does not have, and on unknown ids', async () => {
    const { as } = await startReviewBackend({ entities: fixture.entities });
    const missing = await as(OWNER).post(
      `${ENTITIES}/component/default/gone/checks/rollback-plan/attestations`,
      { ...EVIDENCE, expectedVersion: 0 },
    );
    expect(missing.status).toBe(404);
    expectToMatchSpec(missing);
    const state = await as(OWNER).get(
      `${ENTITIES}/component/default/gone/review-state`,
    );
    expect(state.status).toBe(404);
    const waiver = await as(OWNER).post(
      `${CHECKOUT}/waivers/6f1c1b8e-2d7e-4a51-9a59-1d6b9a7b0c11/approve`,
      { comment: 'ok', expectedVersion: 1 },
    );
    expect(waiver.status).toBe(404);
  });

  it('pages through the history, newest first, and validates the query', async () => {
    const { as } = await startReviewBackend({ entities: fixture.entities });
    for (let version = 0; version < 3; version++) {
      await as(OWNER).post(ROLLBACK, {
        ...EVIDENCE,
        comment: `drill ${version + 1}`,
        expectedVersion: version,
      });
    }
    const first = await as(OWNER).get(`${CHECKOUT}/history?limit=2`);
    expect(first.status).toBe(200);
    expectToMatchSpec(first);
    expect(first.body.items.map((i: any) => i.comment)).toEqual([
      'drill 3',
      'drill 2',
    ]);
    expect(first.body.items[0]).toMatchObject({
      action: 'attestation-created',
      actor: OWNER,
      checkId: 'rollback-plan',
      subjectVersion: 3,
    });
    const second = await as(OWNER).get(
      `${CHECKOUT}/history?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((i: any) => i.comment)).toEqual(['drill 1']);
    expect(second.body.nextCursor).toBeNull();

    const badLimit = await as(OWNER).get(`${CHECKOUT}/history?limit=500`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toBe(
      'Invalid limit: must be between 1 and 100',
    );
    const badCursor = await as(OWNER).get(`${CHECKOUT}/history?cursor=abc`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toBe(
      'Invalid cursor: must be a nextCursor returned by this API',
    );
  });

  describe('with 50 concurrent writers on one entity', () => {
    const databases = TestDatabases.create({
      ids: ['POSTGRES_16', 'SQLITE_3'],
    });

    it.each(databases.eachSupportedId())(
      'accepts exactly one write per version and records it once, %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const { as } = await startReviewBackend({
          entities: fixture.entities,
          knex,
        });
        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            as(i % 2 ? OWNER : SECOND_OWNER).post(ROLLBACK, {
              ...EVIDENCE,
              comment: `writer ${i}`,
              expectedVersion: 0,
            }),
          ),
        );
        const statuses = responses.map(r => r.status);
        expect(statuses.filter(s => s === 201)).toHaveLength(1);
        expect(statuses.filter(s => s === 409)).toHaveLength(49);

        const rows = await knex(TABLES.attestations);
        expect(rows).toHaveLength(1);
        const history = await knex(TABLES.history);
        expect(history).toHaveLength(1);
        expect(history[0].subject_id).toBe(rows[0].id);
      },
    );
  });
});
