/*
 * Readiness reviews in the demo portal: the guest (a member of checkout-team, which owns
 * checkout-api) attests the last missing check of checkout-api in the Reliability tab and sees
 * the score and verdict change at once. The API part checks the roles: the guest may not
 * approve or sign off (that is sre-core's job) and stale writes are refused.
 *
 * The test writes to the shared demo database, so it starts by revoking whatever attestations
 * checkout-api has and revokes its own at the end: other tests only assert automatic checks.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BACKEND_URL,
  gotoEntity,
  guestToken,
  launch,
  openEntityTab,
  waitForText,
  withScreenshot,
} from './lib/portal.mjs';

const ENTITY = '/api/reliability/v1/entities/component/default/checkout-api';
/** Tier 1 requires every attested check but incident-drill. */
const REQUIRED_ATTESTED = [
  'rollback-plan',
  'load-test',
  'capacity-review',
  'security-review',
  'dr-test',
];

async function call(method, path, { token, body } = {}) {
  const response = await fetch(`${BACKEND_URL}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

async function reviewState(token) {
  const { status, body } = await call('GET', `${ENTITY}/review-state`, {
    token,
  });
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

async function revokeAll(token) {
  const state = await reviewState(token);
  for (const check of state.checks) {
    if (check.attestation) {
      const { status, body } = await call(
        'POST',
        `${ENTITY}/checks/${check.checkId}/attestations/revoke`,
        {
          token,
          body: {
            expectedVersion: check.attestationVersion,
            comment: 'Reset by the reviews end-to-end test',
          },
        },
      );
      assert.equal(status, 200, JSON.stringify(body));
    }
  }
}

async function attest(token, checkId, expectedVersion) {
  return call('POST', `${ENTITY}/checks/${checkId}/attestations`, {
    token,
    body: {
      evidenceUrl: `https://wiki.acme.example/checkout-api/${checkId}`,
      comment: `Evidence for ${checkId} (end-to-end test)`,
      expectedVersion,
    },
  });
}

describe('readiness reviews', () => {
  let portal;
  let token;

  before(async () => {
    token = await guestToken();
    await revokeAll(token);
    portal = await launch();
  });

  after(async () => {
    await portal?.close();
    if (token) {
      await revokeAll(token).catch(() => {});
    }
  });

  it('lets the owning team attest, refuses stale writes and keeps approvals for sre-core', async () => {
    const state = await reviewState(token);
    assert.deepEqual(
      {
        attest: state.allowed.attest,
        approveWaiver: state.allowed.approveWaiver,
        signOffReview: state.allowed.signOffReview,
      },
      { attest: true, approveWaiver: false, signOffReview: false },
    );

    const versions = Object.fromEntries(
      state.checks.map(c => [c.checkId, c.attestationVersion]),
    );
    for (const checkId of REQUIRED_ATTESTED.filter(
      id => id !== 'rollback-plan',
    )) {
      const { status, body } = await attest(token, checkId, versions[checkId]);
      assert.equal(status, 201, JSON.stringify(body));
      assert.equal(body.attestation.attestedBy, 'user:default/guest');
    }

    const stale = await attest(token, 'load-test', versions['load-test']);
    assert.equal(stale.status, 409);
    assert.match(stale.body.error.message, /is stale/);

    const automatic = await attest(token, 'oncall', 0);
    assert.equal(automatic.status, 400);
    assert.match(automatic.body.error.message, /automatic check/);

    const review = await call('POST', `${ENTITY}/reviews`, {
      token,
      body: { comment: 'End-to-end review' },
    });
    if (review.status === 201) {
      const signOff = await call(
        'POST',
        `${ENTITY}/reviews/${review.body.review.id}/sign-off`,
        { token, body: { comment: 'by myself', expectedVersion: 1 } },
      );
      assert.equal(signOff.status, 403);
    } else {
      // A review requested by an earlier run is still pending.
      assert.equal(review.status, 409, JSON.stringify(review.body));
    }
  });

  it('attests rollback-plan in the Reliability tab and the verdict turns ready', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      await openEntityTab(page, 'Reliability');
      await page.waitForURL(/\/reliability\/?$/);

      await page.getByLabel('Verdict: Not ready').first().waitFor();
      const scoreBefore = await page
        .getByLabel(/^Readiness score \d+ of 100$/)
        .first()
        .getAttribute('aria-label');
      assert.notEqual(scoreBefore, 'Readiness score 100 of 100');

      const row = page.getByTestId('attested-rollback-plan');
      await row.getByRole('button', { name: 'Attest', exact: true }).click();
      const dialog = page.getByRole('dialog', {
        name: 'Attest: Rollback plan',
      });
      // The form checks its input before sending.
      await dialog.getByLabel(/Evidence URL/).fill('not a link');
      await dialog.getByRole('button', { name: 'Attest', exact: true }).click();
      await waitForText(page, 'The evidence must be an http(s) link', {
        within: dialog,
      });
      await dialog
        .getByLabel(/Evidence URL/)
        .fill('https://wiki.acme.example/checkout-api/rollback-drill');
      await dialog
        .getByLabel(/Comment/)
        .fill('Rolled back v41 to v40 in staging in 4 minutes');
      await dialog.getByRole('button', { name: 'Attest', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByLabel('Verdict: Ready').first().waitFor();
      await page.getByLabel('Readiness score 100 of 100').first().waitFor();
      // People are shown by their catalog display name, not their ref.
      await waitForText(page, 'Guest (checkout engineer)', { within: row });
      await waitForText(page, 'Re-attest', { within: row });
      await waitForText(page, 'Rolled back v41 to v40');
    });
  });
});
