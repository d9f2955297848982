/*
 * The release gate as a CI pipeline calls it: with the static token of app-config.yaml
 * (backend.auth.externalAccess, restricted to the reliability plugin), never with a user's.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { apiGet } from './lib/portal.mjs';

const CI_TOKEN = process.env.RELIABILITY_CI_TOKEN ?? 'local-ci-token-change-me';
const GATE = '/api/reliability/v1/entities/component/default';

describe('the release gate for CI', () => {
  it('answers a decision with reasons for the static CI token', async () => {
    const { status, body } = await apiGet(`${GATE}/checkout-api/gate`, {
      token: CI_TOKEN,
    });
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(
      ['allow', 'warn', 'block'].includes(body.decision),
      body.decision,
    );
    assert.ok(Array.isArray(body.reasons) && body.reasons.length > 0);
  });

  it('blocks an enforced tier-0 service whose blocking attested checks are missing', async () => {
    const { status, body } = await apiGet(`${GATE}/payments-gateway/gate`, {
      token: CI_TOKEN,
    });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.decision, 'block', JSON.stringify(body));
    assert.ok(
      body.reasons.some(reason => reason.includes('"Rollback plan"')),
      JSON.stringify(body.reasons),
    );
  });

  it('answers the curl example of app-config.yaml, which names a demo entity', async () => {
    const config = readFileSync(
      new URL('../app-config.yaml', import.meta.url),
      'utf8',
    );
    const path = config.match(
      /(\/api\/reliability\/v1\/entities\/\S+\/gate)/,
    )?.[1];
    assert.ok(path, 'app-config.yaml shows a curl example of the gate');
    const { status, body } = await apiGet(path, {
      token: CI_TOKEN,
    });
    assert.equal(status, 200, `${path}: ${JSON.stringify(body)}`);
  });

  it('refuses a request without a token, or with a wrong one', async () => {
    const anonymous = await fetch(
      `${
        process.env.E2E_BACKEND_URL ?? 'http://localhost:7007'
      }${GATE}/checkout-api/gate`,
    );
    assert.equal(anonymous.status, 401);
    const wrong = await apiGet(`${GATE}/checkout-api/gate`, {
      token: 'not-the-ci-token',
    });
    assert.equal(wrong.status, 401);
  });

  it('does not let the CI token read other plugins', async () => {
    const { status } = await apiGet('/api/catalog/entities?limit=1', {
      token: CI_TOKEN,
    });
    assert.equal(status, 403);
  });

  it('answers 404 for an entity that is not in the catalog', async () => {
    const { status } = await apiGet(`${GATE}/no-such-service/gate`, {
      token: CI_TOKEN,
    });
    assert.equal(status, 404);
  });
});
