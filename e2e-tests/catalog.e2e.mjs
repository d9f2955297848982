/*
 * The demo catalog loads completely: every entity of examples/ and the root catalog-info.yaml is in
 * the catalog, only the deliberately broken entities carry processing errors, and the catalog page
 * lists the demo components.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiGet,
  gotoPath,
  guestToken,
  launch,
  waitForText,
  withScreenshot,
} from './lib/portal.mjs';

const COMPONENTS = [
  'checkout-api',
  'checkout-web',
  'cart-service',
  'promotions-service',
  'checkout-admin-web',
  'checkout-ui-kit',
  'payments-gateway',
  'ledger-service',
  'fraud-scoring',
  'refunds-service',
  'legacy-billing',
  'payouts-batch',
  'payments-sdk',
  'auth-service',
  'user-profile-service',
  'login-web',
  'mfa-service',
  'search-api',
  'event-pipeline',
  'data-warehouse-loader',
  'analytics-dashboard',
  'feature-flags',
  'recommendations-service',
  'status-page',
  'reliability-suite',
];
const GROUPS = [
  'acme',
  'engineering',
  'sre',
  'commerce',
  'platform',
  'checkout-team',
  'payments-team',
  'identity-team',
  'data-team',
  'sre-core',
];
const SYSTEMS = [
  'checkout',
  'payments',
  'identity',
  'data-platform',
  'sre-tooling',
];
/** Entities whose reliability data is broken on purpose (examples/README.md): the only ones allowed processing errors. */
const DELIBERATELY_BROKEN = new Set([
  'component:default/legacy-billing',
  'component:default/login-web',
  'component:default/search-api',
  'component:default/fraud-scoring',
  'component:default/user-profile-service',
]);

function refOf(entity) {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

function processingErrors(entity) {
  return (entity.status?.items ?? []).filter(item => item.level === 'error');
}

async function entitiesOfKind(kind, token) {
  const { status, body } = await apiGet(
    `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1000`,
    { token },
  );
  assert.equal(
    status,
    200,
    `catalog query for kind ${kind} answered ${status}: ${JSON.stringify(
      body,
    )}`,
  );
  return body.items;
}

describe('the demo catalog', () => {
  let token;
  before(async () => {
    token = await guestToken();
  });

  it('holds every demo component, group, user and system', async () => {
    const components = await entitiesOfKind('component', token);
    const names = new Set(components.map(e => e.metadata.name));
    for (const name of COMPONENTS)
      assert.ok(
        names.has(name),
        `component ${name} is missing from the catalog`,
      );
    assert.ok(components.length >= COMPONENTS.length);

    const groups = new Set(
      (await entitiesOfKind('group', token)).map(e => e.metadata.name),
    );
    for (const name of GROUPS)
      assert.ok(groups.has(name), `group ${name} is missing`);
    const users = new Set(
      (await entitiesOfKind('user', token)).map(e => e.metadata.name),
    );
    for (const name of ['guest', 'sre-lead'])
      assert.ok(users.has(name), `user ${name} is missing`);
    const systems = new Set(
      (await entitiesOfKind('system', token)).map(e => e.metadata.name),
    );
    for (const name of SYSTEMS)
      assert.ok(systems.has(name), `system ${name} is missing`);
  });

  it('puts the guest user in checkout-team, under commerce, engineering and acme', async () => {
    const { status, body: guest } = await apiGet(
      '/api/catalog/entities/by-name/user/default/guest',
      { token },
    );
    assert.equal(status, 200);
    const memberOf = guest.relations
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef);
    assert.deepEqual(memberOf, ['group:default/checkout-team']);
    const { body: team } = await apiGet(
      '/api/catalog/entities/by-name/group/default/checkout-team',
      { token },
    );
    assert.equal(team.spec.parent, 'commerce');
  });

  it('reports catalog processing errors only for the deliberately broken entities', async () => {
    const kinds = [
      'component',
      'group',
      'user',
      'system',
      'domain',
      'resource',
      'location',
    ];
    const unexpected = [];
    for (const kind of kinds) {
      for (const entity of await entitiesOfKind(kind, token)) {
        const errors = processingErrors(entity);
        if (errors.length > 0 && !DELIBERATELY_BROKEN.has(refOf(entity))) {
          unexpected.push(
            `${refOf(entity)}: ${errors.map(e => e.error?.message).join('; ')}`,
          );
        }
      }
    }
    assert.deepEqual(
      unexpected,
      [],
      'entities with unexpected processing errors',
    );
  });

  it('reports the invalid tier of legacy-billing as a processing error on reliability/tier', async () => {
    const { status, body } = await apiGet(
      '/api/catalog/entities/by-name/component/default/legacy-billing',
      { token },
    );
    assert.equal(
      status,
      200,
      'legacy-billing must stay in the catalog despite its invalid tier',
    );
    const messages = processingErrors(body).map(e => e.error?.message ?? '');
    assert.ok(
      messages.some(m => m.includes('reliability/tier') && m.includes('gold')),
      `expected a processing error naming reliability/tier and "gold", got ${JSON.stringify(
        messages,
      )}`,
    );
  });
});

describe('the catalog page', () => {
  let portal;
  before(async () => {
    portal = await launch();
  });
  after(async () => {
    await portal?.close();
  });

  it("lists the guest's own components, then all of them", async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      // The demo app mounts the catalog at the root; the table shows titles.
      await gotoPath(page, '/');
      // The guest is in checkout-team, so the "Owned" filter starts with its components.
      await waitForText(page, 'Owned Components (6)');
      await page.getByRole('cell', { name: 'Checkout API' }).first().waitFor();
      await page.getByText('All', { exact: true }).click();
      await waitForText(page, `All Components (${COMPONENTS.length})`);
      await page.getByPlaceholder('Search').fill('legacy');
      await page
        .getByRole('cell', { name: 'Legacy billing' })
        .first()
        .waitFor();
    });
  });
});
