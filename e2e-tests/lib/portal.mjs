/*
 * Helpers shared by every end-to-end test (e2e-tests/*.e2e.mjs). The tests run against a demo
 * portal that scripts/e2e.mjs has started (or found running): the app on :3000, the backend on :7007.
 *
 *   const portal = await launch();
 *   await gotoEntity(portal.page, 'component', 'default', 'checkout-api');
 *   await waitForText(portal.page, 'Tier 1');
 *   await portal.close();
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const APP_URL = process.env.E2E_APP_URL ?? 'http://localhost:3000';
export const BACKEND_URL =
  process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const REPORT_DIR = resolve(
  fileURLToPath(new URL('../../e2e-test-report', import.meta.url)),
);

/** The app compiles on first load in development: give pages generous time. */
export const PAGE_TIMEOUT_MS = 60_000;

/** The message printed when Chromium is not installed (the harness and tests both check). */
export const CHROMIUM_MISSING_MESSAGE =
  `Chromium was not found at ${CHROMIUM_PATH}. The end-to-end tests drive Debian's chromium package:\n` +
  '  apt-get update && apt-get install -y chromium\n' +
  '(`npx playwright install` cannot download browsers on these machines.)';

export function assertChromiumInstalled() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(CHROMIUM_MISSING_MESSAGE);
  }
}

/**
 * The development servers' error overlays (react-refresh, webpack-dev-server) cover the page and
 * swallow clicks after any runtime error. Tests hide them and report the page errors instead
 * (`portal.pageErrors`, printed by `withScreenshot` on failure).
 */
const HIDE_DEV_OVERLAYS = `
  (() => {
    const ids = ['react-refresh-overlay', 'webpack-dev-server-client-overlay'];
    const removeOverlays = () => {
      for (const id of ids) document.getElementById(id)?.remove();
    };
    new MutationObserver(removeOverlays).observe(document, { childList: true, subtree: true });
  })();
`;

/**
 * Starts Chromium with a fresh, throw-away profile and opens one page.
 * Returns `{ context, page, pageErrors, close }`; `close()` closes the browser and deletes the profile.
 */
export async function launch() {
  assertChromiumInstalled();
  const userDataDir = await mkdtemp(
    join(tmpdir(), 'reliability-e2e-chromium-'),
  );
  // launchPersistentContext passes --user-data-dir itself, so the profile is the temp folder.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 },
  });
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await context.addInitScript(HIDE_DEV_OVERLAYS);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(String(error)));
  // The guest sign-in asks (window.confirm) whether to fall back to a legacy token when the auth
  // backend does not answer; decline, so signIn() can retry against the real backend.
  page.on('dialog', dialog => dialog.dismiss().catch(() => {}));
  page.pageErrors = pageErrors;
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

function enterButton(page) {
  return page.getByRole('button', { name: 'Enter', exact: true });
}

/** Something only the signed-in app renders: the sidebar's links. */
function signedInMarker(page) {
  return page.locator('nav a[href]').first();
}

async function backendReady() {
  try {
    const response = await fetch(
      `${BACKEND_URL}/.backstage/health/v1/readiness`,
      {
        signal: AbortSignal.timeout(5_000),
      },
    );
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Waits for the app to render after a navigation and, when it shows the sign-in page, signs in
 * as guest by clicking "Enter". A full page load can bring the sign-in page back, so call this
 * after every `page.goto` (gotoEntity and gotoPath do). Retries when the sign-in fails because
 * the backend is momentarily down (it restarts when its sources change during development).
 */
export async function signIn(page, { timeout = PAGE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (
      await enterButton(page)
        .isVisible()
        .catch(() => false)
    ) {
      while (!(await backendReady()) && Date.now() < deadline) {
        await page.waitForTimeout(1_000);
      }
      await enterButton(page)
        .click()
        .catch(() => {});
      // Either the app replaces the sign-in page, or the sign-in failed and the button stays.
      await signedInMarker(page)
        .waitFor({ state: 'visible', timeout: 10_000 })
        .catch(() => {});
      continue;
    }
    if (
      await signedInMarker(page)
        .isVisible()
        .catch(() => false)
    ) {
      return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(
    `Could not reach the signed-in app within ${timeout} ms at ${page.url()}` +
      (page.pageErrors?.length
        ? `; page errors: ${page.pageErrors.slice(-3).join(' | ')}`
        : ''),
  );
}

/** Opens an app path (e.g. `/` for the catalog, `/catalog-graph`) and signs in if the sign-in page shows up. */
export async function gotoPath(page, path) {
  await page.goto(new URL(path, APP_URL).toString(), {
    waitUntil: 'domcontentloaded',
  });
  await signIn(page);
}

/**
 * Opens an entity page of the catalog (`/catalog/:namespace/:kind/:name`), signs in, and waits
 * for the page header to show the entity's title (or name, when it has no title).
 */
export async function gotoEntity(page, kind, namespace, name) {
  const { status, body: entity } = await apiGet(
    `/api/catalog/entities/by-name/${encodeURIComponent(
      kind,
    )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
  );
  if (status !== 200) {
    throw new Error(
      `${kind}:${namespace}/${name} is not in the catalog (${status})`,
    );
  }
  await gotoPath(
    page,
    `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
      kind.toLowerCase(),
    )}/${encodeURIComponent(name)}`,
  );
  const heading = entity.metadata.title ?? entity.metadata.name;
  await page
    .getByRole('heading', { name: heading, exact: true })
    .first()
    .waitFor({ state: 'visible' });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens a tab of the entity page currently shown (e.g. "Reliability") by clicking it, so the app
 * navigates without a full page load. Tabs are links below the entity's path (or `role="tab"`
 * elements in other entity layouts).
 */
export async function openEntityTab(page, title) {
  const entityPath = new URL(page.url()).pathname
    .split('/')
    .slice(0, 5)
    .join('/');
  const tabLink = page
    .locator(`a[href^="${entityPath}/"]`)
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) });
  await page
    .getByRole('tab', { name: title, exact: true })
    .or(tabLink)
    .first()
    .click();
}

/**
 * Waits until `text` (a string, matched as a substring, or a RegExp) is visible anywhere on the page,
 * or inside `within` (a locator) when given. Returns the locator.
 */
export async function waitForText(
  page,
  text,
  { within, timeout = PAGE_TIMEOUT_MS } = {},
) {
  const root = within ?? page;
  const locator = root.getByText(text).first();
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/**
 * Waits until a locator matches `expected` elements and answers the last count it saw. The page
 * keeps the previous rows on screen while it fetches new ones, so a count taken as soon as the
 * URL changes can still be the old one.
 */
export async function waitForCount(
  locator,
  expected,
  { timeout = PAGE_TIMEOUT_MS } = {},
) {
  const deadline = Date.now() + timeout;
  let count = await locator.count();
  while (count !== expected && Date.now() < deadline) {
    await new Promise(resolveLater => setTimeout(resolveLater, 100));
    count = await locator.count();
  }
  return count;
}

/** Saves a full-page screenshot into e2e-test-report/ and returns its path. */
export async function screenshot(page, name) {
  await mkdir(REPORT_DIR, { recursive: true });
  const file = join(
    REPORT_DIR,
    `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`,
  );
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

/**
 * Runs a test body; when it throws, saves a screenshot named after the test into e2e-test-report/
 * and reports it and the page's recent errors as test diagnostics, then rethrows.
 *   it('shows the card', async t => withScreenshot(t, page, async () => { ... }));
 */
export async function withScreenshot(t, page, body) {
  try {
    await body();
  } catch (error) {
    const file = await screenshot(page, `failure-${t.fullName ?? t.name}`);
    t.diagnostic(`screenshot: ${file}`);
    for (const pageError of (page.pageErrors ?? []).slice(-5)) {
      t.diagnostic(`page error: ${pageError.slice(0, 500)}`);
    }
    throw error;
  }
}

/** A Backstage token for the guest user, for API calls from tests (the app does the same on "Enter"). */
export async function guestToken() {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `Guest sign-in failed: ${response.status} ${await response.text()}`,
    );
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}

/** GET a backend path (e.g. `/api/catalog/entities`) as the guest user; returns { status, body }. */
export async function apiGet(path, { token } = {}) {
  const response = await fetch(`${BACKEND_URL}${path}`, {
    headers: { authorization: `Bearer ${token ?? (await guestToken())}` },
  });
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: response.status, body };
}
