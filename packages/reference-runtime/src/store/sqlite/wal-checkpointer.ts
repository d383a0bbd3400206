import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Where a store's WAL checkpoints run. `inline`: SQLite's own auto-checkpoint, inside the commit
 * that pushes the WAL past 1000 pages, on the thread that committed. `background`: mostly on a
 * thread of the store's own, so the event loop waits for few pages instead of 1000 (ADR 0012).
 */
export type CheckpointMode = 'background' | 'inline';

/** Options of {@link WalCheckpointer}. */
export interface WalCheckpointerOptions {
  /** The database file; the thread opens a connection of its own to it. */
  readonly path: string;
  /** How long the thread gathers commits before it checkpoints them. */
  readonly intervalMs: number;
  /** Called once when the thread cannot start or fails (the connection's own checkpoints go on). */
  readonly onFailure: (error: unknown) => void;
}

/** Slots of the shared state: commits noted so far, and 1 once the store closes. */
const COMMITS = 0;
const CLOSING = 1;

/**
 * The thread's program. Plain JavaScript evaluated by `new Worker(…, { eval: true })`: the same
 * text runs from the compiled package and from the TypeScript sources under test, and survives a
 * bundler. It blocks on the shared state (a dedicated thread may), so it costs nothing while the
 * store is idle: it wakes on the first commit after its last checkpoint, gathers commits for
 * `intervalMs`, and runs one PASSIVE checkpoint, which never blocks readers or writers. Another
 * process's checkpointer holding the checkpoint lock makes one round a no-op, not a failure.
 */
const THREAD_PROGRAM = `'use strict';
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const state = new Int32Array(workerData.state);
const db = new Database(workerData.path, { fileMustExist: true });
try {
  let seen = 0;
  for (;;) {
    while (Atomics.load(state, ${String(CLOSING)}) === 0 && Atomics.load(state, ${String(COMMITS)}) === seen) {
      Atomics.wait(state, ${String(COMMITS)}, seen);
    }
    if (Atomics.load(state, ${String(CLOSING)}) !== 0) break;
    Atomics.wait(state, ${String(CLOSING)}, 0, workerData.intervalMs);
    if (Atomics.load(state, ${String(CLOSING)}) !== 0) break;
    seen = Atomics.load(state, ${String(COMMITS)});
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      if (error === null || typeof error !== 'object' || !/^SQLITE_(BUSY|LOCKED)/.test(String(error.code))) throw error;
    }
  }
} finally {
  db.close();
}
`;

/**
 * Runs WAL checkpoints for one connection on a thread of their own. The store starts it when it
 * opens and notes each write transaction it commits; every `intervalMs` while commits come, the
 * thread copies what they wrote into the database file.
 *
 * The connection's own auto-checkpoint is left as it is. It still fires when the WAL reaches its
 * threshold (SQLite resets the WAL only when a checkpoint has caught up at the start of a write,
 * which a thread racing a busy writer rarely sees), but it then finds nearly every page already
 * copied: its stall on the event loop shrinks to the last `intervalMs` of writes. Raising that
 * threshold instead would let the WAL grow tenfold and stall as long as before at the end (ADR
 * 0012). If the thread fails, nothing changes but where the pages are copied.
 */
export class WalCheckpointer {
  readonly #options: WalCheckpointerOptions;
  readonly #state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  #thread: Worker | undefined;
  #exited: Promise<void> | undefined;
  #stopped = false;

  constructor(options: WalCheckpointerOptions) {
    this.#options = options;
  }

  /** True while the thread runs (started, not failed, not closed). */
  get running(): boolean {
    return this.#thread !== undefined && !this.#stopped;
  }

  /** A write transaction committed: wake the thread (a no-op while it gathers or checkpoints). */
  noteCommit(): void {
    if (this.#stopped) return;
    Atomics.add(this.#state, COMMITS, 1);
    Atomics.notify(this.#state, COMMITS);
  }

  /** Start the thread (once). It boots on its own thread; only creating it costs this one. */
  start(): void {
    if (this.#stopped || this.#thread !== undefined) return;
    try {
      const thread = new Worker(THREAD_PROGRAM, {
        eval: true,
        name: 'steadfast-wal-checkpointer',
        workerData: {
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
          path: this.#options.path,
          intervalMs: this.#options.intervalMs,
          state: this.#state.buffer,
        },
      });
      // A store that is never closed must not keep its process alive.
      thread.unref();
      this.#exited = new Promise((resolve) => {
        thread.once('exit', () => {
          resolve();
        });
      });
      thread.once('error', (error) => {
        this.#fail(error);
      });
      this.#thread = thread;
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#options.onFailure(error);
  }

  /**
   * Stop the thread and wait until its connection is closed, so that closing the store's own
   * connection afterwards (the last one) checkpoints everything and removes the WAL file.
   */
  close(): Promise<void> {
    this.#stopped = true;
    Atomics.store(this.#state, CLOSING, 1);
    Atomics.notify(this.#state, COMMITS);
    Atomics.notify(this.#state, CLOSING);
    // Unreferenced, the thread would let the process exit before this promise settles.
    this.#thread?.ref();
    return this.#exited ?? Promise.resolve();
  }
}
