import Database from 'better-sqlite3';
import { SteadfastError } from '../../errors/steadfast-error.js';
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
}

/** The SQLite implementation of the {@link Store} contract. Create it with {@link openSqliteStore}. */
export class SqliteStore implements Store {
  readonly description: string;
  /** The connection, for applications that enqueue inside their own transactions. */
  readonly database: Connection;
  readonly #owned: boolean;
  readonly #clock: () => number;
  #closed = false;
  readonly #listeners = new Set<() => void>();

  /** @internal Use {@link openSqliteStore}. */
  constructor(database: Connection, owned: boolean, clock: () => number) {
    this.database = database;
    this.#owned = owned;
    this.#clock = clock;
    this.description = `sqlite:${database.name}`;
  }

  now(): number {
    return this.#clock();
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
    return this.#run('migrate', (db) => migrate(db));
  }
  enqueue(jobs: readonly NewJob[]): Promise<EnqueueResult[]> {
    return this.#run('enqueue', (db, now) => {
      const results = enqueue(db, jobs, now);
      this.#notify();
      return results;
    });
  }
  claim(request: ClaimRequest): Promise<ClaimedJob[]> {
    return this.#run('claim', (db, now) => claim(db, request, now));
  }
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResult> {
    return this.#run('heartbeat', (db, now) => heartbeat(db, request, now));
  }
  complete(completions: readonly Completion[]): Promise<boolean[]> {
    return this.#run('complete', (db, now) => complete(db, completions, now));
  }
  completeAndClaim(completions: readonly Completion[], request: ClaimRequest): Promise<CompleteAndClaimResult> {
    return this.#run('completeAndClaim', (db, now) => completeAndClaim(db, completions, request, now));
  }
  fail(failure: Failure): Promise<FailOutcome> {
    return this.#run('fail', (db, now) => fail(db, failure, now));
  }
  release(leases: readonly Lease[]): Promise<number> {
    return this.#run('release', (db, now) => {
      const released = release(db, leases, now);
      if (released > 0) this.#notify();
      return released;
    });
  }
  cancel(jobId: number): Promise<CancelOutcome> {
    return this.#run('cancel', (db, now) => cancel(db, jobId, now));
  }
  redrive(jobId: number): Promise<boolean> {
    return this.#run('redrive', (db, now) => {
      const redriven = redrive(db, jobId, now);
      if (redriven) this.#notify();
      return redriven;
    });
  }
  reapExpired(): Promise<ReapResult> {
    return this.#run('reapExpired', (db, now) => reapExpired(db, now));
  }
  claimPeriodicSlot(name: string, slot: number, owner: string): Promise<boolean> {
    return this.#run('claimPeriodicSlot', (db, now) => claimPeriodicSlot(db, name, slot, owner, now));
  }
  getJob(jobId: number): Promise<JobRecord | undefined> {
    return this.#run('getJob', (db) => getJob(db, jobId));
  }
  stats(): Promise<StoreStats> {
    return this.#run('stats', (db, now) => stats(db, now));
  }
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      if (this.#owned && this.database.open) this.database.close();
    }
    return Promise.resolve();
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
    return new SqliteStore(database, owned, options.clock ?? Date.now);
  } catch (error) {
    if (owned && database?.open === true) database.close();
    throw toSteadfastError(error, `openSqliteStore(${options.path ?? database?.name ?? 'database'})`);
  }
}
