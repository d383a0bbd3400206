/**
 * The adapter contract: what a runtime's author writes so that the kit can drive their runtime.
 *
 * An adapter is one ES module, loadable by plain `node` (compiled JavaScript), whose default export
 * (or named export `adapter`) is a {@link ConformanceAdapter}. The kit imports it in the test
 * process and again in every worker and client process it spawns; the only thing that travels
 * between processes is the JSON {@link ConformanceEnvironment} that `createEnvironment()` returned.
 *
 * The kit never imports a runtime: everything it knows about yours goes through these types.
 */

/**
 * Optional behaviours an adapter may claim. Tests that need an unclaimed capability are reported
 * as `unsupported`, never as passed; where the absence is observable (an enqueue option the
 * runtime does not implement must be refused, not silently ignored) the absence is tested.
 */
export type Capability =
  /** `EnqueueRequest.delayMs`: the job does not start before its time. */
  | 'delayedJobs'
  /** `EnqueueRequest.priority`: among due jobs, a higher priority is claimed first. */
  | 'priorities'
  /** `WorkerOptions.periodic`: a task that runs once per time slot across every worker process. */
  | 'periodicTasks'
  /** Leases of running jobs are extended while their worker is alive, so a long job is not stolen. */
  | 'heartbeat'
  /** `EnqueueRequest.idempotencyKey`: a second enqueue with the same key creates no second job. */
  | 'idempotencyKeys'
  /** `ConformanceClient.cancel`: a queued job can be cancelled and never runs. */
  | 'cancellation'
  /**
   * A completion from a worker whose lease expired (and whose job another worker took) is refused
   * and reported through `onSettled` as `refused`.
   */
  | 'fencing'
  /**
   * `WorkerOptions.hooks.beforeComplete` is awaited right before the runtime commits a completion,
   * so the kit can kill the worker in the window "handler returned, completion not committed" and
   * knows which completions were never attempted (ADR-0010, amendment 2026-11-23).
   */
  | 'beforeCompleteHook'
  /** `ConformanceAdapter.blockStore`: the kit can make the store unavailable for a while (an outage). */
  | 'blockStore'
  /**
   * `WorkerHandle.start()` after `stop()` runs the same worker instance again. Without it, a start
   * after stop must reject with an `Error` (a stopped worker is not silently half-alive).
   */
  | 'restartable';

/** Every capability name the kit knows, in report order. */
export const CAPABILITIES: readonly Capability[] = Object.freeze([
  'delayedJobs',
  'priorities',
  'periodicTasks',
  'heartbeat',
  'idempotencyKeys',
  'cancellation',
  'fencing',
  'beforeCompleteHook',
  'blockStore',
  'restartable',
]);

/** A JSON value: what an environment, a payload and an enqueue option may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON-serialisable description of one fresh, isolated store (a database file path, a URL and a
 * schema name, …). The kit passes it unchanged to child processes, so it must survive
 * `JSON.parse(JSON.stringify(env))`.
 */
export type ConformanceEnvironment = { readonly [key: string]: JsonValue };

/** What the kit asks of a fresh environment. */
export interface EnvironmentRequest {
  /** A directory private to this test, removed by the kit afterwards; put files here. */
  readonly directory: string;
  /** A short name unique within the run (e.g. `c1-3`), usable as a schema or queue name. */
  readonly id: string;
}

/** One job to enqueue. Options the adapter's capabilities do not cover must be refused. */
export interface EnqueueRequest {
  /** The task name; the worker runs the handler registered under it. */
  readonly task: string;
  /** The job's payload; the handler must receive a deep-equal value. */
  readonly payload: unknown;
  /** Attempts allowed in total (≥ 1; a crash of the worker counts as an attempt). Default: the runtime's. */
  readonly maxAttempts?: number;
  /** Earliest start, in milliseconds from now (`delayedJobs`). */
  readonly delayMs?: number;
  /** Higher runs first among due jobs (`priorities`). */
  readonly priority?: number;
  /** Deduplication key (`idempotencyKeys`). */
  readonly idempotencyKey?: string;
}

/** What an enqueue returns. */
export interface EnqueueResult {
  /** The runtime's job id; the same string a handler sees in `JobContext.jobId`. */
  readonly id: string;
  /** `false` when an idempotency key matched an existing job and nothing new was created. */
  readonly created?: boolean;
}

/** Counts of jobs per state, for tests that look inside the store (optional). */
export interface QueueStats {
  /** Waiting to be claimed (including delayed and retry-scheduled jobs). */
  readonly pending: number;
  /** Claimed by a worker and not yet settled. */
  readonly running: number;
  /** Finished successfully. */
  readonly completed: number;
  /** Given up on: failed on the last attempt, dead, or cancelled. */
  readonly failed: number;
}

/** Options the kit passes when it opens a client. */
export interface ClientOptions {
  /** Task names the kit's workers register, for runtimes that validate names at enqueue. */
  readonly tasks: readonly string[];
}

/**
 * An enqueue-only client. It must never claim or run a job, whatever happens (seed 001: a process
 * that only enqueues must not drain the queue).
 */
export interface ConformanceClient {
  /**
   * Stores one job durably before resolving. Rejects with an `Error` (and stores nothing) for a
   * payload that is not JSON-serialisable, an invalid option, an unsupported option, or a closed
   * client.
   */
  enqueue(request: EnqueueRequest): Promise<EnqueueResult>;
  /** Cancels a queued job (`cancellation`); resolves `true` if it will never run. */
  cancel?(jobId: string): Promise<boolean>;
  /** Counts per state (optional; tests use it as extra evidence when present). */
  stats?(): Promise<QueueStats>;
  /** Releases connections; afterwards `enqueue` rejects with an `Error`. Idempotent. */
  close(): Promise<void>;
}

/** What a handler learns about the execution it is running. */
export interface JobContext {
  /** The runtime's job id (as returned by `enqueue`). */
  readonly jobId: string;
  /** 1 for the first execution, incremented by every later execution of the same job. */
  readonly attempt: number;
  /**
   * Aborted when the worker shuts down past its grace period, when the lease was lost, or when the
   * job was cancelled. The handler may ignore it; the runtime must not wait for it forever.
   */
  readonly signal: AbortSignal;
  /** For periodic runs: the start of the slot (epoch milliseconds) this run belongs to. */
  readonly slot?: number;
}

/** A job handler: resolves for success; throws or rejects (with anything, not only `Error`) for failure. */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void> | void;

/** How an execution ended, as the runtime committed it to its store. */
export type SettlementOutcome =
  /** The completion was committed: the job is done and must never run again. */
  | 'completed'
  /** The failure was committed and another attempt is scheduled. */
  | 'retrying'
  /** The failure was committed and no attempt is left (failed, dead). */
  | 'failed'
  /** The store refused this execution's result because its lease was lost (fencing). */
  | 'refused'
  /** Shutdown released the job (lease given back) so that another worker may take it at once. */
  | 'released';

/** One acknowledgement as the runtime saw it, reported after the store committed (or refused) it. */
export interface Settlement {
  /** The job id. */
  readonly jobId: string;
  /** The attempt number the handler saw in `JobContext.attempt`. */
  readonly attempt: number;
  /** What the store recorded. */
  readonly outcome: SettlementOutcome;
}

/** A periodic task (`periodicTasks`): `task` runs once per `everyMs` slot across all workers. */
export interface PeriodicTask {
  /** The handler name; it receives `null` as payload and `JobContext.slot`. */
  readonly task: string;
  /** Slot length in milliseconds. */
  readonly everyMs: number;
}

/** Failpoints the kit asks a worker to call (only those whose capability the adapter claims). */
export interface WorkerHooks {
  /**
   * `beforeCompleteHook`: await it right before the store commits the completion of these jobs
   * (one call per commit; a batched commit passes every job id of the batch), and commit only
   * after it resolved. The kit may kill the process inside it. It must never be called after the
   * commit, nor for a failure, a release or a retry.
   */
  readonly beforeComplete?: (jobIds: readonly string[]) => Promise<void> | void;
}

/** Options the kit passes to `startWorker`. */
export interface WorkerOptions {
  /** Handlers by task name. The kit's handlers are instrumented: they record to the kit's history. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs run at the same time by this worker (≥ 1). */
  readonly concurrency: number;
  /** Lease length in milliseconds; a crashed worker's job is redelivered after about this long. */
  readonly leaseMs: number;
  /** Idle poll interval in milliseconds: an idle worker finds a job within this long. */
  readonly pollMs: number;
  /** Minimum delay between a failed attempt and the next one (retry backoff base), in milliseconds. */
  readonly retryDelayMs: number;
  /** Periodic tasks to schedule (`periodicTasks`); empty or absent otherwise. */
  readonly periodic?: readonly PeriodicTask[];
  /**
   * Must be called once for every settlement the store committed or refused, after the commit
   * (never before: the kit checks that nothing is acknowledged before its handler finished).
   * Calling it from inside the commit's critical section is not required.
   */
  readonly onSettled: (settlement: Settlement) => void;
  /** Failpoints (present only for capabilities the adapter claims, e.g. `beforeCompleteHook`). */
  readonly hooks?: WorkerHooks;
}

/** Options of `WorkerHandle.stop`. */
export interface StopOptions {
  /**
   * How long in-flight jobs may run before their signals are aborted and their leases released.
   * After abort the runtime may wait at most briefly more for handlers that ignore the signal.
   */
  readonly graceMs: number;
}

/** A running worker. */
export interface WorkerHandle {
  /**
   * Stops claiming at once, waits for in-flight jobs up to `graceMs`, then aborts and releases
   * what is left, and resolves. Idempotent: every call resolves, concurrent calls share one result.
   * Must resolve promptly when idle, even while a poll or periodic sleep is pending.
   */
  stop(options: StopOptions): Promise<void>;
  /**
   * Optional: starts this same worker instance again. On a running worker it must not create a
   * second loop (resolve, or reject with an `Error`). After `stop()` resolved: with `restartable`
   * the worker runs again (and a later `stop()` stops it again); without, it rejects with an
   * `Error`. Tests of restarts are `unsupported` when the handle has no `start`.
   */
  start?(): Promise<void>;
}

/** An outage the kit holds on a store (`blockStore`). */
export interface StoreBlock {
  /**
   * How long the kit should hold the outage: long enough that the runtime's own waiting gives up
   * (e.g. twice SQLite's `busy_timeout`), so its error paths really run. At most 10 000.
   */
  readonly holdMs: number;
  /** Ends the outage. */
  release(): Promise<void> | void;
}

/** What a runtime's author writes: one module whose default export is this object. */
export interface ConformanceAdapter {
  /** Shown in the report, e.g. `@steadfast/runtime (sqlite)`. */
  readonly name: string;
  /** The optional behaviours this runtime claims; read once, must not change during a run. */
  readonly capabilities: readonly Capability[];
  /** Creates a fresh, empty, isolated store and describes it as JSON. */
  createEnvironment(request: EnvironmentRequest): Promise<ConformanceEnvironment> | ConformanceEnvironment;
  /** Opens an enqueue-only client on an environment (called in the test process and in child processes). */
  openClient(env: ConformanceEnvironment, options: ClientOptions): Promise<ConformanceClient> | ConformanceClient;
  /**
   * Starts a worker on an environment (called in a child process the kit may kill at any moment).
   * Rejects or throws an `Error` for invalid options (concurrency < 1, leaseMs ≤ 0, …).
   */
  startWorker(env: ConformanceEnvironment, options: WorkerOptions): Promise<WorkerHandle> | WorkerHandle;
  /**
   * `blockStore`: makes the environment's store unavailable to every worker (SQLite: an exclusive
   * lock held by another connection; Postgres: a lock on the jobs table) and resolves once the
   * block is in place. Called in the test process, which touches the store no more until release.
   */
  blockStore?(env: ConformanceEnvironment): Promise<StoreBlock>;
  /** Removes whatever `createEnvironment` made outside `request.directory`. Called once per environment. */
  destroyEnvironment?(env: ConformanceEnvironment): Promise<void> | void;
}

/** Identity helper that type-checks an adapter object: `export default defineAdapter({ … })`. */
export function defineAdapter(adapter: ConformanceAdapter): ConformanceAdapter {
  return adapter;
}
