import Database from 'better-sqlite3';
import { SteadfastError } from '../../errors/steadfast-error.js';
import { consoleLogger, type Logger } from '../../logging/logger.js';
import type {
  CancelOutcome,
  ClaimRequest,
  ClaimedJob,
  CompleteAndClaimResult,
  Completion,
  EnqueueResult,
  FailOutcome,
  Failure,
  HeartbeatRequest,
  HeartbeatResult,
  JobRecord,
  Lease,
  MigrationResult,
  NewJob,
  ReapResult,
  Store,
  StoreStats,
} from '../store.js';
import { cancel } from './cancel.js';
import { claim } from './claim.js';
import { complete } from './complete.js';
import { completeAndClaim } from './complete-and-claim.js';
import { enqueue } from './enqueue.js';
import { fail } from './fail.js';
import { getJob } from './get-job.js';
import { heartbeat } from './heartbeat.js';
import { enableWal } from './enable-wal.js';
import { migrate } from './migrate.js';
import { claimPeriodicSlot } from './periodic-slot.js';
import type { Connection } from './prepared.js';
import { reapExpired } from './reap.js';
import { redrive } from './redrive.js';
import { release } from './release.js';
import { stats } from './stats.js';
import { toSteadfastError } from './to-steadfast-error.js';
import { WalCheckpointer, type CheckpointMode } from './wal-checkpointer.js';

/** How hard SQLite works to make a commit durable. */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Path of the database file (created if missing). Give this or `database`. */
  readonly path?: string;
  /**
   * An open better-sqlite3 connection, e.g. the application's own, so that `enqueue` can join the
   * application's transactions (outbox). The store does not close a connection it did not open.
   */
  readonly database?: Connection;
  /** How long a statement waits for another process's write lock before failing. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * `FULL` (default) survives power loss with WAL; `NORMAL` survives process crashes but may lose
   * the last commits on power loss, and is faster. See ADR 0009.
   */
  readonly synchronous?: SqliteSynchronous;
  /** The clock for leases and schedules, in ms since the epoch. Default `Date.now`; tests inject one. */
  readonly clock?: () => number;
  /**
   * Where WAL checkpoints run (ADR 0012). `inline` (default): SQLite's own auto-checkpoint, inside
   * the commit that fills the WAL past 1000 pages, on the event loop (about 10 ms, up to 30, each
   * in a busy drain). `background`: a thread the store starts when it opens (about 16 MB and 70 ms
   * of start-up) copies pages every `checkpointIntervalMs`, so the connection's own checkpoints
   * find little left to copy. For long-lived, busy workers.
   */
  readonly checkpoint?: CheckpointMode;
  /** How long the background checkpointer gathers commits before it checkpoints them. Default 25. */
  readonly checkpointIntervalMs?: number;
  /** Where a failed background checkpointer is reported (checkpoints then run inline). Default: stderr. */
  readonly logger?: Logger;
}

function validate(options: SqliteStoreOptions): void {
  if ((options.path === undefined) === (options.database === undefined)) {
    throw new SteadfastError('INVALID_OPTIONS', 'openSqliteStore needs exactly one of `path` or `database`.');
  }
  if (options.path !== undefined && (typeof options.path !== 'string' || options.path.length === 0)) {
    throw new SteadfastError('INVALID_OPTIONS', '`path` must be a non-empty string (use ":memory:" for a private in-memory database).');
  }
  const busy = options.busyTimeoutMs;
  if (busy !== undefined && !(Number.isInteger(busy) && busy >= 0)) {
    throw new SteadfastError('INVALID_OPTIONS', `\`busyTimeoutMs\` must be an integer ≥ 0, got ${String(busy)}.`);
  }
  if (options.synchronous !== undefined && options.synchronous !== 'FULL' && options.synchronous !== 'NORMAL') {
    throw new SteadfastError('INVALID_OPTIONS', '`synchronous` must be "FULL" or "NORMAL".');
  }
  if (options.checkpoint !== undefined && options.checkpoint !== 'background' && options.checkpoint !== 'inline') {
    throw new SteadfastError('INVALID_OPTIONS', '`checkpoint` must be "background" or "inline".');
  }
  const interval = options.checkpointIntervalMs;
  if (interval !== undefined && !(Number.isInteger(interval) && interval > 0)) {
    throw new SteadfastError('INVALID_OPTIONS', `\`checkpointIntervalMs\` must be an integer > 0, got ${String(interval)}.`);
  }
}

/** The background checkpointer for a store's connection, or `undefined` when checkpoints stay inline. */
function checkpointerFor(database: Connection, options: SqliteStoreOptions): WalCheckpointer | undefined {
  if (options.checkpoint !== 'background') return undefined;
  if (database.memory || database.name === '') {
    // A private database (in memory, or SQLite's temporary file) cannot be opened by a second
    // connection, and memory has no WAL.
    throw new SteadfastError('INVALID_OPTIONS', '`checkpoint: "background"` needs a named database file; a private (in-memory or temporary) database has none.');
  }
  const logger = options.logger ?? consoleLogger;
  return new WalCheckpointer({
    path: database.name,
    intervalMs: options.checkpointIntervalMs ?? 25,
    onFailure: (error) => {
      logger.error({ err: error, database: database.name }, 'WAL checkpointer thread failed; the connection checkpoints inline from now on');
    },
  });
}

/** The SQLite implementation of the {@link Store} contract. Create it with {@link openSqliteStore}. */
export class SqliteStore implements Store {
  readonly description: string;
  /** The connection, for applications that enqueue inside their own transactions. */
  readonly database: Connection;
  readonly #owned: boolean;
  readonly #clock: () => number;
  readonly #checkpointer: WalCheckpointer | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  readonly #listeners = new Set<() => void>();

  /** @internal Use {@link openSqliteStore}. */
  constructor(database: Connection, owned: boolean, clock: () => number, checkpointer?: WalCheckpointer) {
    this.database = database;
    this.#owned = owned;
    this.#clock = clock;
    this.#checkpointer = checkpointer;
    this.description = `sqlite:${database.name}`;
  }

  now(): number {
    return this.#clock();
  }

  /** True while WAL checkpoints run on the store's background thread (ADR 0012). */
  get checkpointsInBackground(): boolean {
    return this.#checkpointer?.running === true;
  }

  /** Runs one transition, turning database failures into `SteadfastError`s. */
  #run<T>(where: string, transition: (db: Connection, now: number) => T): Promise<T> {
    if (this.#closed) {
      return Promise.reject(new SteadfastError('STORE_CLOSED', `${where} on a closed store (${this.description}).`));
    }
    try {
      return Promise.resolve(transition(this.database, this.#clock()));
    } catch (error) {
      return Promise.reject(toSteadfastError(error, where));
    }
  }

  /**
   * Runs a transition that may write, and tells the checkpointer when it did (`wrote`): claims and
   * reaps that found nothing commit no pages, and an idle worker polls with them.
   */
  #write<T>(where: string, transition: (db: Connection, now: number) => T, wrote?: (result: T) => boolean): Promise<T> {
    return this.#run(where, (db, now) => {
      const result = transition(db, now);
      if (this.#checkpointer !== undefined && (wrote === undefined || wrote(result))) this.#checkpointer.noteCommit();
      return result;
    });
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #notify(): void {
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch {
        // A waking worker cannot fail the enqueue that woke it.
      }
    }
  }

  migrate(): Promise<MigrationResult> {
    return this.#write('migrate', (db) => migrate(db));
  }
  enqueue(jobs: readonly NewJob[]): Promise<EnqueueResult[]> {
    return this.#write('enqueue', (db, now) => {
      const results = enqueue(db, jobs, now);
      this.#notify();
      return results;
    });
  }
  claim(request: ClaimRequest): Promise<ClaimedJob[]> {
    return this.#write('claim', (db, now) => claim(db, request, now), (claimed) => claimed.length > 0);
  }
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResult> {
    return this.#write('heartbeat', (db, now) => heartbeat(db, request, now), (result) => result.extended.length > 0);
  }
  complete(completions: readonly Completion[]): Promise<boolean[]> {
    return this.#write('complete', (db, now) => complete(db, completions, now));
  }
  completeAndClaim(completions: readonly Completion[], request: ClaimRequest): Promise<CompleteAndClaimResult> {
    return this.#write(
      'completeAndClaim',
      (db, now) => completeAndClaim(db, completions, request, now),
      (result) => completions.length > 0 || result.claimed.length > 0,
    );
  }
  fail(failure: Failure): Promise<FailOutcome> {
    return this.#write('fail', (db, now) => fail(db, failure, now));
  }
  release(leases: readonly Lease[]): Promise<number> {
    return this.#write(
      'release',
      (db, now) => {
        const released = release(db, leases, now);
        if (released > 0) this.#notify();
        return released;
      },
      (released) => released > 0,
    );
  }
  cancel(jobId: number): Promise<CancelOutcome> {
    return this.#write('cancel', (db, now) => cancel(db, jobId, now));
  }
  redrive(jobId: number): Promise<boolean> {
    return this.#write(
      'redrive',
      (db, now) => {
        const redriven = redrive(db, jobId, now);
        if (redriven) this.#notify();
        return redriven;
      },
      (redriven) => redriven,
    );
  }
  reapExpired(): Promise<ReapResult> {
    return this.#write('reapExpired', (db, now) => reapExpired(db, now), (reaped) => reaped.requeued.length + reaped.dead.length > 0);
  }
  claimPeriodicSlot(name: string, slot: number, owner: string): Promise<boolean> {
    return this.#write('claimPeriodicSlot', (db, now) => claimPeriodicSlot(db, name, slot, owner, now), (claimed) => claimed);
  }
  getJob(jobId: number): Promise<JobRecord | undefined> {
    return this.#run('getJob', (db) => getJob(db, jobId));
  }
  stats(): Promise<StoreStats> {
    return this.#run('stats', (db, now) => stats(db, now));
  }
  /** Stops the background checkpointer (if any), then closes the connection if the store opened it. */
  close(): Promise<void> {
    this.#closed = true;
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    await this.#checkpointer?.close();
    if (this.#owned && this.database.open) this.database.close();
  }
}

/**
 * Open (and migrate) an SQLite store: WAL, `busy_timeout`, foreign keys on. Fails at once with a
 * `SteadfastError` when the file is not a database, is read-only, or was written by a newer
 * runtime: better now than in the first claim.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  validate(options);
  let database: Connection | undefined;
  const owned = options.database === undefined;
  try {
    database = options.database ?? new Database(options.path ?? ':memory:');
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    database.pragma(`busy_timeout = ${String(busyTimeoutMs)}`);
    if (!database.readonly) enableWal(database, { timeoutMs: busyTimeoutMs });
    database.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    migrate(database);
    const checkpointer = checkpointerFor(database, options);
    checkpointer?.start();
    return new SqliteStore(database, owned, options.clock ?? Date.now, checkpointer);
  } catch (error) {
    if (owned && database?.open === true) database.close();
    throw toSteadfastError(error, `openSqliteStore(${options.path ?? database?.name ?? 'database'})`);
  }
}
