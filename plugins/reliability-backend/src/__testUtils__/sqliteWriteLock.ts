import { Worker } from 'node:worker_threads';

/**
 * Another connection to a SQLite file holding its write lock for `ms`, as the result
 * writer thread does while it commits a page. It runs on a thread of its own because
 * better-sqlite3 waits for a lock synchronously: a holder on the test's thread could
 * never let go while the test's connection waits.
 */
export async function holdSqliteWriteLock(
  filename: string,
  ms: number,
): Promise<{ released: Promise<void> }> {
  const driverPath = require.resolve('better-sqlite3', {
    paths: [require.resolve('knex')],
  });
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driverPath);
    const connection = new Database(workerData.filename);
    connection.exec('BEGIN IMMEDIATE');
    parentPort.postMessage('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
    connection.exec('COMMIT');
    connection.close();
    `,
    { eval: true, workerData: { filename, ms, driverPath } },
  );
  const released = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    released.then(
      () => reject(new Error('The lock holder stopped before it locked')),
      reject,
    );
  });
  return { released };
}
