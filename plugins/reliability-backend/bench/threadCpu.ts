import { readFileSync } from 'node:fs';

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
