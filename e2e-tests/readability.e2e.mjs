/*
 * What a person sees at the default laptop width (1280 px): every table of the reliability views
 * keeps its words whole, no text is cut off, and every write says what it did.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  gotoEntity,
  gotoPath,
  launch,
  openEntityTab,
  waitForText,
  withScreenshot,
} from './lib/portal.mjs';
import { brokenWords, truncatedTexts } from './lib/readability.mjs';

const WIDTH = 1280;

async function settle(page) {
  // Cards load their data after the page: wait until no progress bar is left.
  await page
    .locator('[role="progressbar"]')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => {});
  await page.waitForTimeout(500);
}

describe(`readable at ${WIDTH} px`, () => {
  let portal;
  before(async () => {
    portal = await launch();
    await portal.page.setViewportSize({ width: WIDTH, height: 900 });
  });
  after(async () => {
    await portal?.close();
  });

  it('the coverage page splits no word and cuts no text', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoPath(page, '/reliability');
      await waitForText(page, 'Coverage by tier');
      await page.getByRole('table', { name: 'Entities' }).waitFor();
      await settle(page);
      assert.deepEqual(await brokenWords(page), []);
      assert.deepEqual(await truncatedTexts(page), []);
    });
  });

  it("checkout-api's card and Reliability tab split no word and cut no text", async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      await waitForText(page, 'What is missing');
      await settle(page);
      // The overview also holds the catalog's own cards: check the Reliability card.
      const card = { cardTitle: 'Reliability' };
      assert.deepEqual(await brokenWords(page, card), []);
      assert.deepEqual(await truncatedTexts(page, card), []);

      await openEntityTab(page, 'Reliability');
      await waitForText(page, 'Readiness checklist');
      await page.getByRole('table', { name: 'Attested checks' }).waitFor();
      await settle(page);
      assert.deepEqual(await brokenWords(page), []);
      assert.deepEqual(await truncatedTexts(page), []);
    });
  });

  it('the gate names checks by title, not id', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      await openEntityTab(page, 'Reliability');
      await waitForText(page, 'Release gate');
      const gate = page
        .locator('.MuiCard-root')
        .filter({ hasText: 'Release gate' })
        .first();
      await waitForText(page, /check "[A-Z][^"]+" (fails|could not)/, {
        within: gate,
      });
      assert.doesNotMatch(await gate.innerText(), /"[a-z]+(-[a-z]+)+"/);
    });
  });

  it('says what a refresh did', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      // The Reliability card's button (the About card has an icon button named Refresh too).
      await page.locator('button', { hasText: /^Refresh$/ }).click();
      await waitForText(page, /Re-evaluated: readiness \d+ \/ 100/);
    });
  });
});
