import { Worker } from 'node:worker_threads';
import type { WriteBatch } from './resultWriter';

/** Stops a writer thread nobody has used for this long; the next run starts a new one. */
const IDLE_MS = 60_000;

interface Pending {
  resolve(written: number): void;
  reject(error: Error): void;
}

/** An error from the writer thread's SQLite connection, as SQLite reported it. */
export class ResultWriteError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'ResultWriteError';
  }
}

/**
 * A worker thread with its own better-sqlite3 connection to the database file, writing
 * batches of results while this thread goes on scoring. Started on first use, kept while
 * in use and stopped when idle; a thread that dies fails the batches it held and is
 * replaced on the next write.
 */
export class ResultWriterThread {
  readonly #options: {
    scriptPath: string;
    filename: string;
    driverPath: string;
    busyTimeoutMs: number;
  };
  readonly #pending = new Map<number, Pending>();
  #worker?: Worker;
  #nextId = 0;
  #idleTimer?: NodeJS.Timeout;

  constructor(options: {
    scriptPath: string;
    filename: string;
    driverPath: string;
    busyTimeoutMs: number;
  }) {
    this.#options = options;
  }

  write(batch: WriteBatch): Promise<number> {
    const worker = this.#worker ?? this.#start();
    clearTimeout(this.#idleTimer);
    worker.ref();
    const id = this.#nextId++;
    return new Promise<number>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, batch });
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.#idleTimer);
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #start(): Worker {
    const { scriptPath, filename, driverPath, busyTimeoutMs } = this.#options;
    const worker = new Worker(scriptPath, {
      // The script is plain JavaScript: the parent's --require hooks (a TypeScript
      // transform in development) would only slow the thread's start.
      execArgv: [],
      workerData: {
        reliabilityResultWriter: true,
        filename,
        driverPath,
        busyTimeoutMs,
      },
    });
    worker.on(
      'message',
      (message: {
        id: number;
        written?: number;
        error?: { message: string; code?: string };
      }) => {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.error) {
          pending?.reject(
            new ResultWriteError(message.error.message, message.error.code),
          );
        } else {
          pending?.resolve(message.written ?? 0);
        }
        this.#settle(worker);
      },
    );
    const fail = (error: Error) => {
      if (this.#worker === worker) {
        this.#worker = undefined;
      }
      for (const pending of this.#pending.values()) {
        pending.reject(error);
      }
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', code => {
      fail(new Error(`The result writer thread exited with code ${code}`));
    });
    this.#worker = worker;
    return worker;
  }

  /** Lets the process exit while nothing is pending, and stops a thread left idle. */
  #settle(worker: Worker) {
    if (this.#pending.size > 0) {
      return;
    }
    worker.unref();
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#worker === worker && this.#pending.size === 0) {
        this.close();
      }
    }, IDLE_MS);
    this.#idleTimer.unref();
  }
}
