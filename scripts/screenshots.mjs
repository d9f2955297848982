#!/usr/bin/env node
/*
 * Screenshots of the reliability views of the running demo portal, to look at after a UI change
 * and to keep the README's images current: `node scripts/screenshots.mjs [--docs]`.
 *
 * Writes every page at 1280 and 1920 px wide into e2e-test-report/screens/; with --docs also
 * rewrites the README's images in docs/images/ (1440 px). Needs the portal running (yarn start).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REPORT_DIR,
  gotoEntity,
  gotoPath,
  launch,
  openEntityTab,
  waitForText,
} from '../e2e-tests/lib/portal.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PAGES = [
  {
    name: 'reliability-page',
    async open(page) {
      await gotoPath(page, '/reliability');
      await page.getByRole('table', { name: 'Entities' }).waitFor();
    },
  },
  {
    name: 'entity-card',
    async open(page) {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      await waitForText(page, 'What is missing');
    },
  },
  {
    name: 'reliability-tab',
    async open(page) {
      await gotoEntity(page, 'component', 'default', 'checkout-api');
      await openEntityTab(page, 'Reliability');
      await page.getByRole('table', { name: 'Attested checks' }).waitFor();
    },
  },
];

async function settle(page) {
  await page
    .locator('[role="progressbar"]')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => {});
  await page.waitForTimeout(1500);
}

const docs = process.argv.includes('--docs');
const outDir = join(REPORT_DIR, 'screens');
await mkdir(outDir, { recursive: true });
const portal = await launch();
try {
  const widths = [1280, 1920, ...(docs ? [1440] : [])];
  for (const width of widths) {
    await portal.page.setViewportSize({ width, height: 1000 });
    for (const { name, open } of PAGES) {
      await open(portal.page);
      await settle(portal.page);
      const path =
        width === 1440
          ? join(ROOT, 'docs', 'images', `${name}.png`)
          : join(outDir, `${name}-${width}.png`);
      await portal.page.screenshot({ path, fullPage: true });
      process.stdout.write(`${path}\n`);
    }
  }
} finally {
  await portal.close();
}
