/**
 * The storage contract. Every method is one atomic state transition whose guard (state, owner,
 * fencing token) lives inside the store, so two processes can never both win a transition. The
 * SQLite store implements it with `BEGIN IMMEDIATE` and guarded `UPDATE`s (a claim reads its due
 * rows, then writes them, under one write lock); a Postgres store implements the same transitions
 * with `FOR UPDATE SKIP LOCKED`.
 */

/** Where a job is in its life. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'dead' | 'cancelled';

/** Every state, in lifecycle order (for stats tables). */
export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'succeeded', 'dead', 'cancelled'];

/** A job as stored. Times are milliseconds since the epoch on the store's clock. */
export interface JobRecord {
  readonly id: number;
  /** The task (queue) name. */
  readonly queue: string;
  /** The payload as JSON text. */
  readonly payload: string;
  readonly state: JobState;
  /** Higher runs first. */
  readonly priority: number;
  /** Not claimed before this time. */
  readonly runAt: number;
  /** Attempts started and counted (a retry-after does not count). */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly idempotencyKey: string | null;
  /** The worker holding the lease while `running`. */
  readonly owner: string | null;
  /** Fencing token of the current (or last) claim; increases with every claim. */
  readonly token: number;
  readonly leaseExpiresAt: number | null;
  readonly cancelRequested: boolean;
  readonly lastError: string | null;
  /** The handler's result as JSON text, once succeeded. */
  readonly result: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt: number | null;
}

/** A job to insert. */
export interface NewJob {
  readonly queue: string;
  /** Already validated JSON text. */
  readonly payload: string;
  readonly priority: number;
  readonly runAt: number;
  readonly maxAttempts: number;
  readonly idempotencyKey: string | null;
}

/** What `enqueue` did with one job. */
export interface EnqueueResult {
  readonly id: number;
  /** True when an existing job with the same idempotency key was returned instead of a new row. */
  readonly deduplicated: boolean;
  readonly state: JobState;
}

/** The proof of ownership a worker presents with every transition on a claimed job. */
export interface Lease {
  readonly jobId: number;
  readonly owner: string;
  readonly token: number;
}

/**
 * What a claim returns of each job: what running it needs, not the whole record (the claim is the
 * hottest statement of a drain, and every returned column costs). `getJob` reads the rest.
 */
export type ClaimedJobRecord = Pick<
  JobRecord,
  'id' | 'queue' | 'payload' | 'priority' | 'runAt' | 'attempts' | 'maxAttempts' | 'token' | 'leaseExpiresAt'
>;

/** A claimed job: what running it needs plus the lease the worker now holds. */
export interface ClaimedJob {
  readonly job: ClaimedJobRecord;
  readonly lease: Lease;
}

/** Arguments of `claim`. */
export interface ClaimRequest {
  readonly owner: string;
  /** Task names this worker can run; jobs of other queues are never claimed. */
  readonly queues: readonly string[];
  /** At most this many jobs in one transaction. */
  readonly limit: number;
  readonly leaseMs: number;
}

/** Arguments of `heartbeat`: extend every listed lease still held. */
export interface HeartbeatRequest {
  readonly owner: string;
  readonly leases: readonly Lease[];
  readonly leaseMs: number;
}

/** What `heartbeat` found. */
export interface HeartbeatResult {
  /** Leases extended. */
  readonly extended: readonly number[];
  /** Leases no longer held (expired and re-claimed, reaped, or finished elsewhere): abort these. */
  readonly lost: readonly number[];
  /** Leases still held whose job was asked to cancel: abort these. */
  readonly cancelRequested: readonly number[];
}

/** A successful attempt to acknowledge. */
export interface Completion {
  readonly lease: Lease;
  /** The handler's result as JSON text (`null` for none). */
  readonly result: string | null;
}

/** How a failed attempt should be recorded; the decision comes from the retry policy. */
export interface Failure {
  readonly lease: Lease;
  readonly error: string;
  /** When to run again, or `null` to go dead now (non-retryable). */
  readonly retryAt: number | null;
  /** False for a retry-after: the attempt is given back. */
  readonly countsAsAttempt: boolean;
}

/** Outcome of `completeAndClaim`. */
export interface CompleteAndClaimResult {
  /** Per completion, whether its lease held (as `complete` returns). */
  readonly accepted: boolean[];
  /** The jobs claimed (as `claim` returns). */
  readonly claimed: ClaimedJob[];
}

/** Outcome of `fail`. `fenced` means the lease was no longer held and nothing was written. */
export type FailOutcome = 'retried' | 'dead' | 'cancelled' | 'fenced';

/** Outcome of `cancel`. */
export type CancelOutcome = 'cancelled' | 'cancel-requested' | 'already-finished' | 'not-found';

/** Outcome of `reapExpired`. */
export interface ReapResult {
  /** Jobs whose lease expired, put back in the queue. */
  readonly requeued: readonly number[];
  /** Jobs whose lease expired on their last attempt (a poison job that kills its worker). */
  readonly dead: readonly number[];
}

/** Counts per queue and state, and the age of the oldest job waiting to run. */
export interface StoreStats {
  readonly queues: Readonly<Record<string, Readonly<Record<JobState, number>>>>;
  readonly totals: Readonly<Record<JobState, number>>;
  /** Age in ms of the oldest queued job that is due, or `null` when none is due. */
  readonly oldestQueuedAgeMs: number | null;
}

/** Outcome of `migrate`. */
export interface MigrationResult {
  readonly from: number;
  readonly to: number;
}

/** The durable job store shared by clients and workers. */
export interface Store {
  /** A short name for logs (`sqlite:/path/jobs.db`). */
  readonly description: string;
  /** The store's clock, in ms since the epoch; every lease and schedule uses it. */
  now(): number;
  /** Bring the schema to this version; refuses a newer schema. Safe to call from many processes. */
  migrate(): Promise<MigrationResult>;
  /** Insert jobs atomically (all or none); a duplicate idempotency key returns the existing job. */
  enqueue(jobs: readonly NewJob[]): Promise<EnqueueResult[]>;
  /** Claim due jobs: each gets owner, lease expiry, a fresh fencing token and a counted attempt. */
  claim(request: ClaimRequest): Promise<ClaimedJob[]>;
  /** Extend the leases still held by `owner` with the matching token; report the others. */
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResult>;
  /** Mark attempts succeeded, in one transaction; returns, per completion, whether its lease held. */
  complete(completions: readonly Completion[]): Promise<boolean[]>;
  /**
   * Optional: `complete(completions)` then `claim(request)` as one atomic transaction (one commit
   * instead of two per turn of a drain). Either both are written or neither. Workers use it when
   * the store has it.
   */
  completeAndClaim?(completions: readonly Completion[], request: ClaimRequest): Promise<CompleteAndClaimResult>;
  /** Record a failed attempt: retry, dead, or cancelled when cancellation was requested. */
  fail(failure: Failure): Promise<FailOutcome>;
  /** Give leases back without counting the attempt (shutdown, unstarted prefetched jobs). */
  release(leases: readonly Lease[]): Promise<number>;
  /** Cancel a job: at once while queued; a running job is asked to stop (its signal aborts). */
  cancel(jobId: number): Promise<CancelOutcome>;
  /** Put a dead (or cancelled) job back in the queue with fresh attempts. */
  redrive(jobId: number): Promise<boolean>;
  /** Requeue (or kill, on the last attempt) every job whose lease has expired. */
  reapExpired(): Promise<ReapResult>;
  /** Claim one slot of a periodic task; exactly one caller per (name, slot) gets `true`. */
  claimPeriodicSlot(name: string, slot: number, owner: string): Promise<boolean>;
  /** One job, or `undefined`. */
  getJob(jobId: number): Promise<JobRecord | undefined>;
  /** Counts per queue and state. */
  stats(): Promise<StoreStats>;
  /**
   * Optional: call `listener` when jobs may have become due through this process (an enqueue, a
   * release, a redrive), so local workers wake without waiting for their poll. Returns the
   * unsubscribe function. Other processes are seen by polling (Postgres: LISTEN/NOTIFY).
   */
  subscribe?(listener: () => void): () => void;
  /** Release the connection. Idempotent. */
  close(): Promise<void>;
}
