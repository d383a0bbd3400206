import { SteadfastError } from '../errors/steadfast-error.js';
import { explainJob } from '../explain/explain-job.js';
import type { CancelOutcome, EnqueueResult, JobRecord, Store, StoreStats } from '../store/store.js';
import { toNewJob, type EnqueueOptions, type JobDefaults } from './enqueue-options.js';
import type { AnyTasks, TaskMap, TaskName } from './task-map.js';

/** Options of {@link createClient}. */
export interface ClientOptions<T extends TaskMap> {
  /** Where jobs are kept. The client does not close it. */
  readonly store: Store;
  /**
   * The task names this client may enqueue; an unknown name is refused with `UNKNOWN_TASK`.
   * Default: any name (the type parameter still checks names at compile time).
   */
  readonly taskNames?: readonly TaskName<T>[];
  /** Default `maxAttempts` of new jobs. Default 5. */
  readonly maxAttempts?: number;
  /** Largest serialised payload accepted, in bytes. Default 1 MiB. */
  readonly maxPayloadBytes?: number;
}

/** One item of {@link Client.enqueueMany}. */
export interface EnqueueItem<T extends TaskMap, K extends TaskName<T> = TaskName<T>> {
  readonly name: K;
  readonly payload: T[K];
  readonly options?: EnqueueOptions;
}

/**
 * Enqueues and inspects jobs. It has no way to claim or run one (seed 001: a process that only
 * enqueues must never dequeue).
 */
export interface Client<T extends TaskMap> {
  /**
   * Add a job. With a SQLite store the row is written before this returns, so inside the
   * application's own `db.transaction(...)` on the store's connection it commits or rolls back
   * with the application's rows (outbox).
   * @operation
   */
  enqueue<K extends TaskName<T>>(name: K, payload: T[K], options?: EnqueueOptions): Promise<EnqueueResult>;
  /**
   * Add several jobs in one transaction: all or none.
   * @operation
   */
  enqueueMany(items: readonly EnqueueItem<T>[]): Promise<EnqueueResult[]>;
  /**
   * Cancel a job: at once while queued; a running job's signal aborts at its worker's next heartbeat.
   * @operation
   */
  cancel(jobId: number): Promise<CancelOutcome>;
  /**
   * Run a dead or cancelled job again with fresh attempts. Refused (`INVALID_STATE`) for a live job.
   * @operation
   */
  redrive(jobId: number): Promise<void>;
  /** One job as stored, or `undefined`. */
  getJob(jobId: number): Promise<JobRecord | undefined>;
  /** In words, why the job is or is not running. */
  explain(jobId: number): Promise<string>;
  /** Counts per queue and state, and the oldest due job's age. */
  stats(): Promise<StoreStats>;
  /** Refuse further calls. The store stays open (it may be shared). Idempotent. */
  close(): Promise<void>;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

function resolveDefaults<T extends TaskMap>(options: ClientOptions<T>): JobDefaults {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!(Number.isSafeInteger(maxAttempts) && maxAttempts >= 1)) {
    throw new SteadfastError('INVALID_OPTIONS', `\`maxAttempts\` must be an integer ≥ 1, got ${String(maxAttempts)}.`);
  }
  const maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  if (!(Number.isSafeInteger(maxPayloadBytes) && maxPayloadBytes >= 2)) {
    throw new SteadfastError('INVALID_OPTIONS', `\`maxPayloadBytes\` must be an integer ≥ 2, got ${String(maxPayloadBytes)}.`);
  }
  return { maxAttempts, maxPayloadBytes };
}

/** Create an enqueue-and-inspect client over `store`. */
export function createClient<T extends TaskMap = AnyTasks>(options: ClientOptions<T>): Client<T> {
  if (typeof options !== 'object' || typeof options.store !== 'object') {
    throw new SteadfastError('INVALID_OPTIONS', 'createClient needs `{ store }` (see openSqliteStore).');
  }
  const { store } = options;
  const defaults = resolveDefaults(options);
  const known = options.taskNames === undefined ? undefined : new Set<string>(options.taskNames);
  let closed = false;

  const refuseIfClosed = (what: string): void => {
    if (closed) throw new SteadfastError('CLIENT_CLOSED', `${what} on a closed client.`);
  };
  const queueOf = (name: unknown): string => {
    if (typeof name !== 'string' || name.length === 0) {
      throw new SteadfastError('UNKNOWN_TASK', `A task name must be a non-empty string, got ${String(name)}.`);
    }
    if (known !== undefined && !known.has(name)) {
      throw new SteadfastError('UNKNOWN_TASK', `Unknown task "${name}"; this client knows: ${[...known].join(', ')}.`);
    }
    return name;
  };
  // Validation throws synchronously inside a promise-returning call: callers get one channel.
  const attempt = <R>(run: () => Promise<R>): Promise<R> => {
    try {
      return run();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return {
    enqueue(name, payload, enqueueOptions) {
      return attempt(async () => {
        refuseIfClosed('enqueue');
        const job = toNewJob(queueOf(name), payload, enqueueOptions, defaults, store.now());
        const [result] = await store.enqueue([job]);
        if (result === undefined) throw new SteadfastError('DATABASE_ERROR', 'enqueue returned no job.');
        return result;
      });
    },
    enqueueMany(items) {
      return attempt(() => {
        refuseIfClosed('enqueueMany');
        const now = store.now();
        const jobs = items.map((item) => toNewJob(queueOf(item.name), item.payload, item.options, defaults, now));
        return store.enqueue(jobs);
      });
    },
    cancel(jobId) {
      return attempt(() => {
        refuseIfClosed('cancel');
        return store.cancel(jobId);
      });
    },
    redrive(jobId) {
      return attempt(async () => {
        refuseIfClosed('redrive');
        if (await store.redrive(jobId)) return;
        const job = await store.getJob(jobId);
        if (job === undefined) throw new SteadfastError('JOB_NOT_FOUND', `No job #${String(jobId)} exists.`);
        throw new SteadfastError('INVALID_STATE', `Job #${String(jobId)} is ${job.state}; only dead or cancelled jobs can be redriven.`);
      });
    },
    getJob(jobId) {
      return attempt(() => {
        refuseIfClosed('getJob');
        return store.getJob(jobId);
      });
    },
    explain(jobId) {
      return attempt(async () => {
        refuseIfClosed('explain');
        return explainJob(await store.getJob(jobId), jobId, store.now());
      });
    },
    stats() {
      return attempt(() => {
        refuseIfClosed('stats');
        return store.stats();
      });
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
