import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { ServerOptions } from './httpServer';

export interface LatencyFigures {
  mode: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time (user + system) per request, in microseconds. */
  serverCpuMicrosPerRequest: number;
  errors: number;
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

function round(value: number, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

async function startServer(options: ServerOptions) {
  const child = fork(path.join(__dirname, 'httpServer.ts'), [], {
    execArgv: [
      ...process.execArgv,
      ...(process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ??
        []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (message: { port?: number }) => {
      if (typeof message?.port === 'number') {
        resolve(message.port);
      }
    });
    child.once('exit', code => reject(new Error(`server exited with ${code}`)));
    child.send(options);
  });
  const cpuMicros = () =>
    new Promise<number>(resolve => {
      const onMessage = (message: { cpu?: NodeJS.CpuUsage }) => {
        if (message?.cpu) {
          child.off('message', onMessage);
          resolve(message.cpu.user + message.cpu.system);
        }
      };
      child.on('message', onMessage);
      child.send('cpu');
    });
  return {
    port,
    cpuMicros,
    // Disconnecting lets the server exit on its own (and write a --cpu-prof profile).
    stop: () => {
      child.disconnect();
      setTimeout(() => child.kill(), 5000).unref();
    },
  };
}

function get(agent: http.Agent, port: number, urlPath: string) {
  return new Promise<number>((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: urlPath, agent },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
  });
}

/**
 * Report and gate reads over HTTP, alternating, for random entities:
 * - `closed`: 20 clients each sending its next request as soon as the last answered
 *   (saturation: latency here is mostly queueing behind the other 19);
 * - `paced`: 20 clients each sending on a fixed schedule (an open-loop load, `rate` req/s
 *   in total), which is what a portal and CI pipelines generate.
 */
export async function benchReads(
  options: ServerOptions & {
    clients?: number;
    requests?: number;
    pacedRate?: number;
    pacedSeconds?: number;
  },
): Promise<LatencyFigures[]> {
  const clients = options.clients ?? 20;
  const server = await startServer(options);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  let counter = 0;
  const nextPath = () => {
    const n = counter++;
    const entity = `service-${(n * 7919) % options.size}`;
    return `/api/reliability/v1/entities/component/default/${entity}/${
      n % 2 === 0 ? 'report' : 'gate'
    }`;
  };
  const timed = async (latencies: number[], errors: { count: number }) => {
    const started = process.hrtime.bigint();
    const status = await get(agent, server.port, nextPath());
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (status !== 200) errors.count++;
  };

  try {
    // Warm-up: JIT, connection pool, SQLite page cache.
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < 200; i++) await timed([], { count: 0 });
      }),
    );

    const figures: LatencyFigures[] = [];

    const total = options.requests ?? 20_000;
    const closed: number[] = [];
    const closedErrors = { count: 0 };
    const closedCpu = await server.cpuMicros();
    const closedStart = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (closed.length < total) await timed(closed, closedErrors);
      }),
    );
    const closedSeconds = Number(process.hrtime.bigint() - closedStart) / 1e9;
    const closedCpuUsed = (await server.cpuMicros()) - closedCpu;
    closed.sort((a, b) => a - b);
    figures.push({
      mode: `closed loop, ${clients} clients`,
      requests: closed.length,
      requestsPerSecond: Math.round(closed.length / closedSeconds),
      p50Ms: round(percentile(closed, 50)),
      p99Ms: round(percentile(closed, 99)),
      serverCpuMicrosPerRequest: Math.round(closedCpuUsed / closed.length),
      errors: closedErrors.count,
    });

    const rate = options.pacedRate ?? 200;
    const seconds = options.pacedSeconds ?? 10;
    const paced: number[] = [];
    const pacedErrors = { count: 0 };
    const interval = (1000 * clients) / rate;
    const pacedCpu = await server.cpuMicros();
    const pacedStart = Date.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const pending: Promise<void>[] = [];
        for (let k = 0; ; k++) {
          const due = pacedStart + (client * interval) / clients + k * interval;
          if (due > pacedStart + seconds * 1000) break;
          const wait = due - Date.now();
          if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
          pending.push(timed(paced, pacedErrors));
        }
        await Promise.all(pending);
      }),
    );
    const pacedCpuUsed = (await server.cpuMicros()) - pacedCpu;
    paced.sort((a, b) => a - b);
    figures.push({
      mode: `paced, ${clients} clients, ${rate} req/s in total`,
      requests: paced.length,
      requestsPerSecond: Math.round(paced.length / seconds),
      p50Ms: round(percentile(paced, 50)),
      p99Ms: round(percentile(paced, 99)),
      serverCpuMicrosPerRequest: Math.round(pacedCpuUsed / paced.length),
      errors: pacedErrors.count,
    });
    return figures;
  } finally {
    agent.destroy();
    server.stop();
  }
}
