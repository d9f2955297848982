/*
 * The Reliability card and tab on entity pages of the demo catalog, as a signed-in guest sees them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  gotoEntity,
  launch,
  openEntityTab,
  waitForText,
  withScreenshot,
} from './lib/portal.mjs';

/**
 * The Reliability card of the overview page: the card that says "Reliability" and has the
 * Refresh button (the catalog's own cards, such as About or Links, have neither).
 */
function reliabilityCard(page) {
  return page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Reliability' })
    .filter({ has: page.getByRole('button', { name: /refresh/i }) })
    .last();
}

describe('entity pages', () => {
  let portal;
  before(async () => {
    portal = await launch();
  });
  after(async () => {
    await portal?.close();
  });

  it('shows the Reliability card of the tier-1 checkout-api', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      const card = reliabilityCard(page);
      await card.waitFor({ state: 'visible' });
      await waitForText(page, 'Tier 1', { within: card });
      await waitForText(page, 'checkout-api-availability', { within: card });
      // checkout-api's on-call is the demo's neutral rotation: a person, not a key.
      await waitForText(page, 'On call now:', { within: card });
      await waitForText(page, 'Rotation: checkout-primary', { within: card });
      await waitForText(page, 'Checkout API runbook', { within: card });
    });
  });

  it('opens the Reliability tab of checkout-api with its checklist and maturity', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      // Navigate inside the app (no full page load, so no second sign-in).
      await openEntityTab(page, 'Reliability');
      await page.waitForURL(/\/checkout-api\/reliability\/?$/);
      await waitForText(page, 'Rollback plan');
      await waitForText(page, 'Owned by a team');
      await waitForText(page, 'Managed');
      assert.match(
        page.url(),
        /\/catalog\/default\/component\/checkout-api\/reliability\/?$/,
      );
    });
  });

  it('shows the problem of legacy-billing about its reliability/tier "gold"', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoEntity(page, 'component', 'default', 'legacy-billing');
      const card = reliabilityCard(page);
      await card.waitFor({ state: 'visible' });
      await waitForText(page, 'reliability/tier', { within: card });
      await waitForText(page, /gold/, { within: card });
    });
  });
});
