// The reference runtime as seen by @steadfast/conformance. The kit imports this module (built to
// dist/conformance-adapter.js) in its test process and in every worker process it spawns.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  ConformanceAdapter,
  ConformanceClient,
  ConformanceEnvironment,
  JobHandler,
  SettlementOutcome as KitOutcome,
  StoreBlock,
  WorkerOptions as KitWorkerOptions,
} from '@steadfast/conformance';
import { createClient } from './client/create-client.js';
import { SteadfastError } from './errors/steadfast-error.js';
import { consoleLogger, silentLogger } from './logging/logger.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { withCompletionFailpoint } from './store/completion-failpoint-store.js';
import type { PeriodicTask, TaskHandler } from './worker/task-handler.js';
import { createWorker } from './worker/worker.js';
import type { SettlementOutcome } from './worker/worker-events.js';

const OUTCOMES: Readonly<Record<SettlementOutcome, KitOutcome>> = {
  completed: 'completed',
  retried: 'retrying',
  dead: 'failed',
  cancelled: 'failed',
  refused: 'refused',
  released: 'released',
};

function pathOf(env: ConformanceEnvironment): string {
  const { path } = env;
  if (typeof path !== 'string') throw new SteadfastError('INVALID_OPTIONS', 'the environment has no database `path`');
  return path;
}

function jobIdOf(id: string): number {
  const number = Number(id);
  if (!Number.isSafeInteger(number)) throw new SteadfastError('JOB_NOT_FOUND', `"${id}" is not a job id of this runtime`);
  return number;
}

function toTaskHandler(handler: JobHandler): TaskHandler<unknown> {
  return (job, context) => handler(job.payload, { jobId: String(job.id), attempt: job.attempt, signal: context.signal });
}

function toPeriodicTask(handler: JobHandler, everyMs: number): PeriodicTask {
  return {
    everyMs,
    run: (context) =>
      handler(null, { jobId: `slot-${String(context.slot)}`, attempt: 1, signal: context.signal, slot: context.slot * everyMs }),
  };
}

/**
 * How long a worker's connection waits for a lock. Shorter than the runtime's default (5 s) so that
 * the kit's store outage (twice this) makes every write of the worker fail within seconds; far
 * longer than any transaction of the kit's workloads holds the lock.
 */
const WORKER_BUSY_TIMEOUT_MS = 1000;

/** An outage: another connection holds the database's exclusive lock until released. */
function blockStore(env: ConformanceEnvironment): Promise<StoreBlock> {
  const database = new Database(pathOf(env));
  database.pragma('busy_timeout = 10000');
  // In WAL mode readers go on; every write (claim, heartbeat, completion) waits, then fails busy.
  database.exec('BEGIN EXCLUSIVE');
  return Promise.resolve({
    holdMs: WORKER_BUSY_TIMEOUT_MS * 2,
    release() {
      database.exec('ROLLBACK');
      database.close();
    },
  });
}

function openClient(env: ConformanceEnvironment, options: { tasks: readonly string[] }): ConformanceClient {
  const store = openSqliteStore({ path: pathOf(env) });
  const client = createClient({ store, taskNames: options.tasks.length > 0 ? options.tasks : undefined });
  return {
    async enqueue(request) {
      const { task, payload, maxAttempts, delayMs, priority, idempotencyKey } = request;
      const result = await client.enqueue(task, payload, { maxAttempts, delayMs, priority, idempotencyKey });
      return { id: String(result.id), created: !result.deduplicated };
    },
    async cancel(jobId) {
      return (await client.cancel(jobIdOf(jobId))) === 'cancelled';
    },
    async stats() {
      const { totals } = await client.stats();
      return { pending: totals.queued, running: totals.running, completed: totals.succeeded, failed: totals.dead + totals.cancelled };
    },
    async close() {
      await client.close();
      await store.close();
    },
  };
}

async function startWorker(env: ConformanceEnvironment, options: KitWorkerOptions) {
  const tasks = Object.fromEntries(Object.entries(options.handlers).map(([name, handler]) => [name, toTaskHandler(handler)]));
  const periodic: Record<string, PeriodicTask> = {};
  for (const { task, everyMs } of options.periodic ?? []) {
    const handler = options.handlers[task];
    if (handler === undefined) throw new SteadfastError('UNKNOWN_TASK', `periodic task "${task}" has no handler`);
    periodic[task] = toPeriodicTask(handler, everyMs);
  }
  const store = openSqliteStore({ path: pathOf(env), busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS });
  try {
    const worker = createWorker({
      store: withCompletionFailpoint(store, options.hooks?.beforeComplete),
      tasks,
      periodic,
      concurrency: options.concurrency,
      leaseMs: options.leaseMs,
      pollMs: options.pollMs,
      // The kit's retry delay is a minimum, so no jitter below it.
      retry: { baseMs: options.retryDelayMs, maxMs: Math.max(options.retryDelayMs * 16, 1), jitter: 'none' },
      // STEADFAST_CONFORMANCE_LOG=1 shows the worker's warnings and errors when a test fails.
      logger: process.env['STEADFAST_CONFORMANCE_LOG'] === '1' ? consoleLogger : silentLogger,
    });
    worker.on('job:settled', (event) => {
      options.onSettled({ jobId: String(event.job.id), attempt: event.job.attempt, outcome: OUTCOMES[event.outcome] });
    });
    await worker.start();
    let stopped: Promise<void> | undefined;
    return {
      stop(stopOptions: { graceMs: number }): Promise<void> {
        stopped ??= worker.stop({ graceMs: stopOptions.graceMs }).then(() => store.close());
        return stopped;
      },
      // Idempotent while running; a stopped worker rejects with WORKER_STOPPED (not restartable).
      start: () => worker.start(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The reference runtime's conformance adapter (SQLite store, one file per environment). */
const adapter: ConformanceAdapter = {
  name: '@steadfast/runtime (sqlite)',
  capabilities: ['delayedJobs', 'priorities', 'periodicTasks', 'heartbeat', 'idempotencyKeys', 'cancellation', 'fencing', 'beforeCompleteHook', 'blockStore'],
  createEnvironment(request) {
    return { path: join(request.directory, `${request.id}.db`) };
  },
  openClient,
  startWorker,
  blockStore,
};

export default adapter;
