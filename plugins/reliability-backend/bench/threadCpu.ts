import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time, in microseconds, of the calling process's main thread (the one that scores
 * entities), or undefined where /proc is not there. Unlike wall time it does not count
 * waiting or time the host gave to other guests (steal), which on these shared 2-core
 * machines moves wall-time figures by ±20% from one run to the next.
 */
export function mainThreadCpuMicros(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks)
      ? (ticks * 1_000_000) / TICKS_PER_SECOND
      : undefined;
  } catch {
    return undefined;
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * CPU time, in microseconds, of every PostgreSQL process on this machine (the server
 * behind a local `url`), or undefined when the server is elsewhere or /proc cannot tell.
 * Its backends, WAL writer and checkpointer all count; so would other clients' work, and
 * the benchmark is its only client.
 */
export function localPostgresCpuMicros(url: string): number | undefined {
  if (!LOCAL_HOSTS.has(new URL(url).hostname)) {
    return undefined;
  }
  let ticks = 0;
  let processes = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) {
        continue;
      }
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name !== 'postgres') {
          continue;
        }
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
        processes++;
      } catch {
        // the process ended while we looked
      }
    }
  } catch {
    return undefined;
  }
  return processes > 0 && Number.isFinite(ticks)
    ? (ticks * 1_000_000) / TICKS_PER_SECOND
    : undefined;
}
