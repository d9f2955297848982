#!/usr/bin/env node
/*
 * End-to-end tests against the demo portal, in real Chromium: `yarn test:e2e [name-filter...]`.
 *
 * 1. Reuses a running portal when the backend's readiness endpoint (:7007) and the app (:3000) both
 *    answer; otherwise starts `yarn start` (app + backend) in its own process group, with its output
 *    in e2e-test-report/portal.log.
 * 2. Waits (up to 6 minutes) until both are up, the catalog holds component:default/checkout-api,
 *    and the reliability backend answers that entity's report.
 * 3. Runs every e2e-tests/*.e2e.mjs file (or those whose name contains one of the arguments) with
 *    Node's test runner, one file at a time.
 * 4. Stops the portal it started (the whole process group), also on failure and Ctrl-C, and exits
 *    non-zero when anything failed. Failing browser tests leave screenshots in e2e-test-report/.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install -y chromium`). Other people's
 * portals use the same ports: on shared machines run it as `flock /tmp/portal.lock yarn test:e2e`.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APP_URL,
  BACKEND_URL,
  CHROMIUM_MISSING_MESSAGE,
  CHROMIUM_PATH,
  REPORT_DIR,
  guestToken,
} from '../e2e-tests/lib/portal.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TESTS_DIR = join(ROOT, 'e2e-tests');
const PORTAL_LOG = join(REPORT_DIR, 'portal.log');
const STARTUP_TIMEOUT_MS = 6 * 60_000;
const POLL_INTERVAL_MS = 3_000;
const STOP_GRACE_MS = 20_000;
const READINESS_URL = `${BACKEND_URL}/.backstage/health/v1/readiness`;
const STAR_ENTITY = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout-api',
};

let portal; // the child process group we started, if any

function log(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function portalState() {
  const [backend, app] = await Promise.all([
    answers(READINESS_URL),
    answers(APP_URL),
  ]);
  return { backend, app };
}

function startPortal() {
  mkdirSync(REPORT_DIR, { recursive: true });
  const logFd = openSync(PORTAL_LOG, 'w');
  log(`starting the portal (yarn start); output in ${PORTAL_LOG}`);
  const child = spawn('yarn', ['start'], {
    cwd: ROOT,
    // A new process group, so stopping it also stops the app and backend processes yarn spawns.
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
  });
  closeSync(logFd);
  child.on('exit', code => {
    child.exited = true;
    child.exitStatus = code;
  });
  return child;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPortal() {
  if (!portal) return;
  const { pid } = portal;
  portal = undefined;
  if (!groupAlive(pid)) return;
  log('stopping the portal');
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline && groupAlive(pid)) {
    await new Promise(r => setTimeout(r, 250));
  }
  if (groupAlive(pid)) {
    log('the portal did not stop within 20 s: killing it');
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function logTail(lines = 40) {
  if (!existsSync(PORTAL_LOG)) return '';
  return readFileSync(PORTAL_LOG, 'utf8').split('\n').slice(-lines).join('\n');
}

async function authorizedGet(path) {
  try {
    const token = await guestToken();
    const response = await fetch(`${BACKEND_URL}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.json().catch(() => undefined);
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, error };
  }
}

/** Polls until the portal is fully usable for the tests, or throws with what is still missing. */
async function waitForPortal() {
  const started = Date.now();
  const { kind, namespace, name } = STAR_ENTITY;
  const steps = [
    ['backend readiness', async () => answers(READINESS_URL)],
    ['app', async () => answers(APP_URL)],
    [
      `catalog entity ${kind}:${namespace}/${name}`,
      async () =>
        (
          await authorizedGet(
            `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          )
        ).status === 200,
    ],
    [
      `reliability report of ${kind}:${namespace}/${name}`,
      async () => {
        const { status, body } = await authorizedGet(
          `/api/reliability/v1/entities/${kind}/${namespace}/${name}/report`,
        );
        return (
          status === 200 && body?.entityRef === `${kind}:${namespace}/${name}`
        );
      },
    ],
    [
      // A report is computed on demand for an entity not evaluated yet, so the star's report
      // can be there before the first full run: wait until coverage counts every in-scope
      // production service of the catalog (the default policy's scope).
      'first full evaluation of the catalog',
      async () => {
        const catalog = await authorizedGet(
          '/api/catalog/entities?filter=kind=component,spec.lifecycle=production&fields=spec.type',
        );
        const coverage = await authorizedGet(
          '/api/reliability/v1/coverage?groupBy=tier',
        );
        if (catalog.status !== 200 || coverage.status !== 200) return false;
        const inScope = catalog.body.filter(entity =>
          ['service', 'website'].includes(entity.spec?.type),
        ).length;
        const counted = coverage.body.rows.reduce(
          (sum, row) => sum + row.total,
          0,
        );
        return inScope > 0 && counted === inScope;
      },
    ],
  ];
  for (const [label, ready] of steps) {
    while (!(await ready())) {
      if (portal?.exited) {
        throw new Error(
          `the portal exited (code ${
            portal.exitStatus
          }) before ${label} was ready. Last lines of ${PORTAL_LOG}:\n${logTail()}`,
        );
      }
      if (Date.now() - started > STARTUP_TIMEOUT_MS) {
        throw new Error(
          `timed out after ${
            STARTUP_TIMEOUT_MS / 60_000
          } minutes waiting for ${label}.` +
            (portal ? ` Last lines of ${PORTAL_LOG}:\n${logTail()}` : ''),
        );
      }
      await new Promise(r => setTimeout(r, POLL_INTERVAL_MS));
    }
    log(`${label}: ready after ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

function testFiles(filters) {
  const files = readdirSync(TESTS_DIR)
    .filter(file => file.endsWith('.e2e.mjs'))
    .filter(file => filters.length === 0 || filters.some(f => file.includes(f)))
    .sort();
  return files.map(file => join(TESTS_DIR, file));
}

function runTests(files) {
  return new Promise(resolvePromise => {
    const child = spawn(
      process.execPath,
      [
        '--test',
        '--test-reporter=spec',
        '--test-concurrency=1',
        '--test-timeout=300000',
        ...files,
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    child.on('exit', (code, signal) => resolvePromise(signal ? 1 : code ?? 1));
  });
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    process.stderr.write(`[e2e] ${CHROMIUM_MISSING_MESSAGE}\n`);
    return 1;
  }
  const files = testFiles(process.argv.slice(2));
  if (files.length === 0) {
    process.stderr.write(
      `[e2e] no e2e-tests/*.e2e.mjs file matches ${process.argv
        .slice(2)
        .join(' ')}\n`,
    );
    return 1;
  }
  mkdirSync(REPORT_DIR, { recursive: true });

  const state = await portalState();
  if (state.backend && state.app) {
    log(`reusing the portal already running at ${APP_URL} and ${BACKEND_URL}`);
  } else if (state.backend || state.app) {
    process.stderr.write(
      `[e2e] only the ${
        state.backend ? 'backend (:7007)' : 'app (:3000)'
      } answers: another portal is starting or ` +
        'half-stopped. Wait for it or stop it, then run again (use `flock /tmp/portal.lock yarn test:e2e`).\n',
    );
    return 1;
  } else {
    portal = startPortal();
  }

  try {
    await waitForPortal();
  } catch (error) {
    process.stderr.write(`[e2e] the portal is not usable: ${error.message}\n`);
    return 1;
  }

  log(`running ${files.length} test file(s)`);
  const logOffset =
    portal && existsSync(PORTAL_LOG) ? readFileSync(PORTAL_LOG).length : 0;
  const code = await runTests(files);
  if (portal && code !== 0) {
    // `yarn start` restarts the backend whenever a source file changes; on a machine where
    // people are editing, that (not the code under test) can explain a failure.
    const restarts =
      readFileSync(PORTAL_LOG)
        .subarray(logOffset)
        .toString('utf8')
        .split('Change detected, restarting').length - 1;
    if (restarts > 0) {
      log(
        `note: the backend restarted ${restarts} time(s) during the tests because source files changed`,
      );
    }
  }
  log(
    code === 0
      ? 'all end-to-end tests passed'
      : `end-to-end tests failed (exit ${code}); screenshots in ${REPORT_DIR}`,
  );
  return code;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    stopPortal().finally(() => process.exit(130));
  });
}

main()
  .catch(error => {
    process.stderr.write(`[e2e] ${error.stack ?? error}\n`);
    return 1;
  })
  .then(async code => {
    await stopPortal();
    process.exit(code);
  });
