import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Connection } from './prepared.js';

/**
 * Where a store's WAL checkpoints run. `inline`: SQLite's own auto-checkpoint, inside the commit
 * that pushes the WAL past 1000 pages, on the thread that committed. `background`: a thread of the
 * store's own, so the event loop never waits for one (ADR 0012).
 */
export type CheckpointMode = 'background' | 'inline';

/** Options of {@link WalCheckpointer}. */
export interface WalCheckpointerOptions {
  /** The database file; the thread opens a connection of its own to it. */
  readonly path: string;
  /** How long the thread gathers commits before it checkpoints them. */
  readonly intervalMs: number;
  /** Called once when the thread cannot start or fails; the connection checkpoints inline again. */
  readonly onFailure: (error: unknown) => void;
}

/** Slots of the shared state: commits noted so far, and 1 once the store closes. */
const COMMITS = 0;
const CLOSING = 1;

/**
 * While the thread runs, the connection's own auto-checkpoint is only a backstop: it checkpoints
 * inline when the WAL reaches this many pages (about 40 MiB at 4 KiB pages), which happens only when
 * the thread falls far behind. At SQLite's 1000 the backstop would fire between the thread's
 * checkpoints under a busy drain and put the work back on the event loop.
 */
const BACKSTOP_PAGES = 10_000;

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
 * Runs the WAL checkpoints of one connection on a thread of their own. The store starts it when it
 * opens and notes each write transaction it commits; the thread checkpoints what those wrote.
 * If the thread fails, the connection's auto-checkpoint goes back to what it was: checkpoints
 * then run inline again, and nothing is lost but their place.
 */
export class WalCheckpointer {
  readonly #connection: Connection;
  readonly #options: WalCheckpointerOptions;
  readonly #state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  /** The connection's auto-checkpoint before the thread took over, restored if the thread fails. */
  #inlinePages: number | undefined;
  #thread: Worker | undefined;
  #exited: Promise<void> | undefined;
  #stopped = false;

  constructor(connection: Connection, options: WalCheckpointerOptions) {
    this.#connection = connection;
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
      this.#inlinePages = Number(this.#connection.pragma('wal_autocheckpoint', { simple: true }));
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
      this.#connection.pragma(`wal_autocheckpoint = ${String(BACKSTOP_PAGES)}`);
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#inlinePages !== undefined && this.#connection.open) {
      this.#connection.pragma(`wal_autocheckpoint = ${String(this.#inlinePages)}`);
    }
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
