import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';

/**
 * Whether the real-Prometheus tests can run. Without Debian's `prometheus` package they are
 * skipped with a message, except under CI, where a missing binary is a failure (`.ci/run`
 * installs the package).
 */
export function prometheusAvailability(): { available: boolean; why?: string } {
  if (existsSync(PROMETHEUS) && existsSync(PROMTOOL)) {
    return { available: true };
  }
  const why = `${PROMETHEUS} or ${PROMTOOL} is missing: install Debian's prometheus package (apt-get install prometheus)`;
  if (process.env.CI) {
    throw new Error(
      `${why}; CI is set, so the real-Prometheus tests cannot be skipped`,
    );
  }
  return { available: false, why };
}

/** A free TCP port on loopback (asked of the OS, then released for Prometheus). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPrometheus {
  baseUrl: string;
  stop(): Promise<void>;
}

async function waitUntilReady(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode}: ${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/-/ready`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(
    `prometheus was not ready within ${timeoutMs} ms: ${output()}`,
  );
}

/**
 * Backfills a TSDB from OpenMetrics text with promtool, in a temporary directory, and
 * serves it with prometheus on a free loopback port. `stop` kills it and removes the data.
 */
export async function startPrometheus(
  openMetrics: string,
  options: { port?: number; readyTimeoutMs?: number; dir?: string } = {},
): Promise<RunningPrometheus> {
  const dir =
    options.dir ?? (await mkdtemp(join(tmpdir(), 'reliability-prom-')));
  const data = join(dir, 'data');
  await writeFile(join(dir, 'metrics.om'), openMetrics);
  await writeFile(
    join(dir, 'prometheus.yml'),
    'global: {}\nscrape_configs: []\n',
  );
  await promisify(execFile)(
    PROMTOOL,
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      join(dir, 'metrics.om'),
      data,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=90d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([
        exited,
        new Promise(resolve => setTimeout(resolve, 5000)),
      ]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    }
    if (!options.dir) {
      await rm(dir, { recursive: true, force: true });
    }
  };
  try {
    await waitUntilReady(
      baseUrl,
      child,
      () => output,
      options.readyTimeoutMs ?? 60_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
