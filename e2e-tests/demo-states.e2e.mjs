/*
 * The demo catalog exercises the states examples/README.md promises, as the running backend
 * evaluates them (GET /api/reliability/v1/entities/{kind}/{namespace}/{name}/report).
 *
 * Only automatic checks are asserted: attested checks change when other tests (or people using
 * the demo) attest or waive them. Runbook freshness depends on the day the tests run, so its
 * expected state is computed from the review date.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, guestToken } from './lib/portal.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

/** runbook-fresh as the README defines it: at most 180 days old, `warn` from day 150; either state at the edges. */
function expectedFreshness(reviewed) {
  const age = Math.floor(
    (Date.now() - Date.parse(`${reviewed}T00:00:00Z`)) / DAY_MS,
  );
  if (Math.abs(age - 150) <= 1) return ['pass', 'warn'];
  if (Math.abs(age - 180) <= 1) return ['warn', 'fail'];
  if (age < 150) return ['pass'];
  if (age <= 180) return ['warn'];
  return ['fail'];
}

describe('the demo entities as the backend evaluates them', () => {
  let token;
  const reports = new Map();

  before(async () => {
    token = await guestToken();
  });

  async function report(name) {
    if (!reports.has(name)) {
      const { status, body } = await apiGet(
        `/api/reliability/v1/entities/component/default/${name}/report`,
        { token },
      );
      assert.equal(
        status,
        200,
        `report of ${name}: ${status} ${JSON.stringify(body)}`,
      );
      reports.set(name, body);
    }
    return reports.get(name);
  }

  async function checkState(name, checkId) {
    const check = (await report(name)).readiness?.checks.find(
      c => c.id === checkId,
    );
    assert.ok(check, `${name} has no ${checkId} check`);
    return check.state;
  }

  async function assertChecks(name, expected) {
    for (const [checkId, states] of Object.entries(expected)) {
      const allowed = Array.isArray(states) ? states : [states];
      const state = await checkState(name, checkId);
      assert.ok(
        allowed.includes(state),
        `${name} ${checkId}: expected ${allowed.join(' or ')}, got ${state}`,
      );
    }
  }

  function problemText(r) {
    return r.problems.map(p => `${p.field ?? ''} ${p.message}`).join('\n');
  }

  it('checkout-api, the star, passes every automatic check', async () => {
    const r = await report('checkout-api');
    assert.deepEqual(r.tier && { level: r.tier.level, name: r.tier.name }, {
      level: 1,
      name: 'Tier 1',
    });
    assert.deepEqual(
      r.oncall && {
        provider: r.oncall.provider,
        reference: r.oncall.reference,
      },
      // The demo's neutral rotation (app-config.yaml reliability.oncall.rotations).
      { provider: 'other', reference: 'checkout-primary' },
    );
    assert.deepEqual(
      r.slos.map(s => [
        s.name,
        s.sli,
        s.target,
        s.window,
        s.source,
        s.hasAlerting,
      ]),
      [
        [
          'checkout-api-availability',
          'availability',
          0.999,
          '28d',
          'openslo',
          true,
        ],
        ['checkout-api-latency', 'latency', 0.99, '28d', 'openslo', true],
      ],
    );
    assert.ok(r.runbooks.some(l => l.title === 'Checkout API runbook'));
    assert.equal(
      r.problems.filter(p => p.severity === 'error').length,
      0,
      problemText(r),
    );
    await assertChecks('checkout-api', {
      owner: 'pass',
      tier: 'pass',
      'slo-defined': 'pass',
      'slo-alerting': 'pass',
      oncall: 'pass',
      runbook: 'pass',
      'runbook-fresh': expectedFreshness('2026-10-01'),
      dashboard: 'pass',
      docs: 'pass',
      'dependencies-tiered': 'pass',
      'oncall-verified': 'pass',
      'oncall-depth': 'pass',
      'oncall-gaps': 'pass',
    });
  });

  it('payments-gateway, tier 0, passes every automatic check with calendar-window Timeslices SLOs', async () => {
    const r = await report('payments-gateway');
    assert.equal(r.tier?.level, 0);
    assert.deepEqual(
      r.slos.map(s => [s.window, s.budgetingMethod]),
      [
        ['1M', 'Timeslices'],
        ['1M', 'Timeslices'],
      ],
    );
    assert.equal(r.problems.length, 0, problemText(r));
    await assertChecks('payments-gateway', {
      owner: 'pass',
      tier: 'pass',
      'slo-defined': 'pass',
      'slo-alerting': 'pass',
      oncall: 'pass',
      runbook: 'pass',
      'runbook-fresh': expectedFreshness('2026-10-20'),
      dashboard: 'pass',
      docs: 'pass',
      'dependencies-tiered': 'pass',
    });
  });

  it('flags the tier inversions of auth-service (on a tier-2 service) and checkout-web (on an untiered one)', async () => {
    await assertChecks('auth-service', { 'dependencies-tiered': 'fail' });
    await assertChecks('checkout-web', { 'dependencies-tiered': 'fail' });
  });

  it('shows runbook freshness in its three states', async () => {
    await assertChecks('checkout-web', {
      'runbook-fresh': expectedFreshness('2026-06-15'),
    });
    await assertChecks('promotions-service', {
      'runbook-fresh': expectedFreshness('2025-11-20'),
    });
    await assertChecks('data-warehouse-loader', {
      'runbook-fresh': expectedFreshness('2026-05-20'),
    });
  });

  it('maps every on-call provider', async () => {
    const oncall = async name => {
      const { provider, reference } = (await report(name)).oncall ?? {};
      return { provider, reference };
    };
    assert.deepEqual(await oncall('checkout-web'), {
      provider: 'opsgenie',
      reference: 'checkout',
    });
    assert.deepEqual(await oncall('fraud-scoring'), {
      provider: 'opsgenie',
      reference: 'detailsPair(service:fraud-scoring)',
    });
    assert.deepEqual(await oncall('promotions-service'), {
      provider: 'splunk-on-call',
      reference: 'commerce-promotions',
    });
    assert.deepEqual(await oncall('refunds-service'), {
      provider: 'other',
      reference: 'payments-refunds',
    });
    assert.deepEqual(await oncall('user-profile-service'), {
      provider: 'pagerduty',
      // An integration key lets anyone trigger incidents: reports only say one is set.
      reference: 'integration key set',
    });
  });

  it('warns on an owner that is a person and fails on one that does not exist', async () => {
    await assertChecks('refunds-service', { owner: 'warn' });
    await assertChecks('recommendations-service', { owner: 'fail' });
  });

  it('distinguishes SLOs without alerting, unparsable files, missing files and percentage targets', async () => {
    await assertChecks('cart-service', {
      'slo-defined': 'pass',
      'slo-alerting': 'fail',
    });
    await assertChecks('search-api', { 'slo-defined': 'fail' });
    assert.match(problemText(await report('search-api')), /YAML/i);
    await assertChecks('user-profile-service', { 'slo-defined': 'unknown' });
    assert.match(
      problemText(await report('user-profile-service')),
      /user-profile-service\.yaml/,
    );
    const fraud = await report('fraud-scoring');
    assert.deepEqual(
      fraud.slos.map(s => s.name),
      ['fraud-scoring-latency'],
    );
    assert.match(problemText(fraud), /99\.9/);
    await assertChecks('fraud-scoring', { 'slo-defined': 'pass' });
  });

  it('reports invalid annotation values as problems and still computes the rest', async () => {
    const billing = await report('legacy-billing');
    assert.equal(billing.tier, null);
    assert.match(
      problemText(billing),
      /reliability\/tier[\s\S]*gold|gold[\s\S]*reliability\/tier/,
    );
    await assertChecks('legacy-billing', {
      tier: 'fail',
      owner: 'pass',
      oncall: 'pass',
      runbook: 'pass',
    });
    const login = await report('login-web');
    assert.equal(login.runbooksReviewed, null);
    assert.match(problemText(login), /2026-13-45/);
    await assertChecks('login-web', {
      'runbook-fresh': ['fail', 'unknown'],
      'slo-defined': 'pass',
    });
  });

  it('leaves untiered and out-of-scope entities recognisable', async () => {
    const flags = await report('feature-flags');
    assert.equal(flags.tier, null);
    await assertChecks('feature-flags', { tier: 'fail' });
    const library = await report('checkout-ui-kit');
    assert.equal(library.readiness, null);
    assert.equal(library.maturity, null);
  });

  it('evaluates the repository itself from its root catalog-info.yaml', async () => {
    const r = await report('reliability-suite');
    assert.equal(r.tier?.level, 2);
    assert.deepEqual(
      r.slos.map(s => [s.name, s.source]),
      [
        ['reliability-report-availability', 'sloth'],
        ['reliability-report-latency', 'sloth'],
      ],
    );
    await assertChecks('reliability-suite', {
      owner: 'pass',
      oncall: 'pass',
      runbook: 'pass',
      docs: 'pass',
    });
  });
});
