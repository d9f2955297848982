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

/** A batch sent to the writer thread in parts, then written at once by `commit`. */
export interface StreamedBatch {
  /** Sends these records on to the thread now; nothing of them is kept here. */
  append(part: WriteBatch): void;
  /** Writes everything appended, in one transaction; the number of rows written. */
  commit(): Promise<number>;
  /** Drops what was appended without writing it (the page it came from failed). */
  discard(): void;
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
  /** Whether the current worker opened its connection (true) or died first (false). */
  #readiness?: Promise<boolean>;
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

  /**
   * Starts the thread if it is not running, and tells whether it has opened its
   * connection (false: it could not start). Once it has, a batch can be streamed to it
   * without the risk of its parts going to a thread that never ran.
   */
  ready(): Promise<boolean> {
    if (!this.#worker) {
      this.#start();
    }
    return this.#readiness!;
  }

  /**
   * A batch whose records go to the thread as they come. It is bound to the thread
   * running now: if that thread dies before the commit, the commit fails (with the
   * thread's error) instead of writing only the parts a new thread would get.
   */
  openBatch(): StreamedBatch {
    const worker = this.#worker ?? this.#start();
    clearTimeout(this.#idleTimer);
    worker.ref();
    const id = this.#nextId++;
    const outcome = new Promise<number>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    });
    // Rejected when the thread dies, which may be before anyone awaits the commit.
    outcome.catch(() => {});
    const alive = () => this.#worker === worker && this.#pending.has(id);
    return {
      append: part => {
        if (alive() && part.length > 0) {
          worker.postMessage({ id, part });
        }
      },
      commit: () => {
        if (alive()) {
          worker.postMessage({ id, batch: [] });
        }
        return outcome;
      },
      discard: () => {
        if (alive()) {
          this.#pending.delete(id);
          worker.postMessage({ id, discard: true });
          this.#settle(worker);
        }
      },
    };
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
    let markReady: (ready: boolean) => void = () => {};
    this.#readiness = new Promise<boolean>(resolve => {
      markReady = resolve;
    });
    worker.on(
      'message',
      (message: {
        id: number;
        ready?: boolean;
        written?: number;
        error?: { message: string; code?: string };
      }) => {
        if (message.ready) {
          markReady(true);
          this.#settle(worker);
          return;
        }
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
      markReady(false);
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
