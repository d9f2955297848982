/*
 * The leads' view at /reliability: filter to tier 1, follow a number to the entities behind it,
 * download the CSV of that set.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  apiGet,
  gotoPath,
  launch,
  waitForCount,
  waitForText,
  withScreenshot,
} from './lib/portal.mjs';

const CSV_HEADER =
  'entity_ref,kind,namespace,name,title,type,lifecycle,owner,system,tier,score,verdict,maturity_level,expected_level,gate_decision,has_slo,has_slo_alerting,has_oncall,has_runbook,has_dashboard,has_waiver,evaluated_at';

/** Splits one RFC 4180 line (quoted fields may hold commas and doubled quotes). */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

describe('the /reliability page', () => {
  let portal;
  before(async () => {
    portal = await launch();
  });
  after(async () => {
    await portal?.close();
  });

  it('filters to tier 1, follows a number to its entities and downloads them as CSV', async t => {
    const { page } = portal;
    await withScreenshot(t, page, async () => {
      // What the backend says tier 1 looks like, to compare the page with.
      const coverage = await apiGet(
        '/api/reliability/v1/coverage?groupBy=tier',
      );
      assert.equal(coverage.status, 200);
      const tierOne = coverage.body.rows.find(row => row.key === '1');
      assert.ok(tierOne, 'the demo catalog has tier-1 production services');
      assert.ok(tierOne.withSlo > 0, 'some tier-1 services have an SLO');

      await page.route(/coverage\?.*tier=1/, async route => {
        await new Promise(r => setTimeout(r, 1500));
        await route.continue();
      });
      // Tier 1's figures arrive a second late, as on a slow network: the page keeps the
      // unfiltered rows until then, and the test must wait for the filtered ones.
      await page.route(/\/coverage\?.*tier=1/, async route => {
        await new Promise(resolveLater => setTimeout(resolveLater, 1000));
        await route.continue();
      });
      await gotoPath(page, '/reliability');
      const tierTable = page.getByRole('table', { name: 'Coverage by tier' });
      await tierTable.waitFor({ state: 'visible' });

      // Filter to tier 1 with the Tier filter; the filter goes to the URL.
      await page.locator('#reliability-filter-tier').click();
      await page.getByRole('option', { name: 'Tier 1', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/[?&]tier=1(&|$)/);
      await waitForText(page, 'Tier 1', { within: tierTable });
      assert.equal(
        await waitForCount(tierTable.locator('tbody tr'), 1),
        1,
        'only the tier-1 row is left',
      );

      // Follow the "with SLO" number of tier 1 to its entities.
      const withSlo = page.getByRole('link', {
        name: `Tier 1: ${tierOne.withSlo} With SLO`,
      });
      await withSlo.click();
      await page.waitForURL(/[?&]stage=withSlo(&|$)/);
      assert.match(page.url(), /[?&]tier=1(&|$)/);
      await waitForText(
        page,
        `${tierOne.withSlo} in-scope entities match these filters`,
      );
      const entityTable = page.getByRole('table', { name: 'Entities' });
      const firstRow = entityTable.locator('tbody tr').first();
      await firstRow.waitFor({ state: 'visible' });
      const firstRef = await firstRow.getAttribute('data-entity-ref');
      assert.ok(firstRef, 'the entity table lists the entities');
      const expectedRows = Math.min(tierOne.withSlo, 25);
      const shown = await waitForCount(
        entityTable.locator('tbody tr'),
        expectedRows,
      );
      assert.equal(shown, expectedRows);

      // Download the CSV of the same filtered set.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Download CSV/ }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'reliability-entities.csv');
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.trimEnd().split('\r\n');
      assert.equal(lines[0], CSV_HEADER);
      assert.equal(lines.length - 1, tierOne.withSlo);
      const row = lines.find(line => line.startsWith(`${firstRef},`));
      assert.ok(row, `the CSV has a row for ${firstRef}`);
      const fields = csvFields(row);
      assert.equal(fields[9], '1', 'its tier is 1');
      assert.equal(fields[15], 'true', 'it has an SLO');
    });
  });
});
