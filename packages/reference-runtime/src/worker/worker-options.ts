import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { TaskMap } from '../client/task-map.js';
import { SteadfastError } from '../errors/steadfast-error.js';
import { consoleLogger, type Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import type { PeriodicTask, TaskHandler } from './task-handler.js';
import type { WorkerHooks } from './worker-events.js';

/** The handler of every task of a map. */
export type TaskHandlers<T extends TaskMap> = { readonly [K in keyof T]: TaskHandler<T[K]> };

/** Options of `createWorker`. Every default is listed with its option. */
export interface WorkerOptions<T extends TaskMap> {
  /** Where jobs are kept. The worker does not close it. */
  readonly store: Store;
  /** One handler per task name; the worker claims only these queues. */
  readonly tasks: TaskHandlers<T>;
  /** Periodic tasks by name; each runs once per slot across all workers. Default none. */
  readonly periodic?: Readonly<Record<string, PeriodicTask>>;
  /** Jobs run at once by this worker. Default 1. */
  readonly concurrency?: number;
  /** Lease length in ms: how long a silent worker keeps a job before others may take it. Default 30 000. */
  readonly leaseMs?: number;
  /** Heartbeat period in ms; must be below `leaseMs`. Default `leaseMs / 3`. */
  readonly heartbeatMs?: number;
  /** Sleep when nothing is due, in ms. Default 1000. */
  readonly pollMs?: number;
  /** Jobs claimed per transaction (prefetched jobs hold leases too). Default `concurrency`. */
  readonly batchSize?: number;
  /** Period of the sweep that requeues jobs whose lease expired. Default `leaseMs / 2`. */
  readonly reapIntervalMs?: number;
  /** Backoff between attempts. Default `{ baseMs: 1000, maxMs: 300000, factor: 2, jitter: 'equal' }`. */
  readonly retry?: Partial<RetryPolicy>;
  /** Largest serialised handler result, in bytes. Default 1 MiB. */
  readonly maxResultBytes?: number;
  /** Grace period of `stop()` and of `stopOnSignals()` when not given. Default 10 000. */
  readonly graceMs?: number;
  /** Where the worker logs. Default: warnings and errors as JSON to stderr. */
  readonly logger?: Logger;
  /** Event handlers. Default none. */
  readonly hooks?: WorkerHooks;
  /** This worker's id in leases. Default `host:pid:random`. */
  readonly workerId?: string;
}

/** Options after validation, with every default filled in. */
export interface ResolvedWorkerOptions {
  readonly store: Store;
  readonly handlers: ReadonlyMap<string, TaskHandler<unknown>>;
  readonly periodic: ReadonlyMap<string, PeriodicTask>;
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly heartbeatMs: number;
  readonly pollMs: number;
  readonly batchSize: number;
  readonly reapIntervalMs: number;
  readonly retry: RetryPolicy;
  readonly maxResultBytes: number;
  readonly graceMs: number;
  readonly logger: Logger;
  readonly hooks: WorkerHooks;
  readonly workerId: string;
}

function invalid(message: string): never {
  throw new SteadfastError('INVALID_OPTIONS', message);
}

function integer(name: string, value: number | undefined, fallback: number, min: number): number {
  const resolved = value ?? fallback;
  if (!(Number.isSafeInteger(resolved) && resolved >= min)) {
    invalid(`\`${name}\` must be an integer ≥ ${String(min)}, got ${String(value)}.`);
  }
  return resolved;
}

function functionsOf<V>(what: string, record: object | undefined, check: (name: string, value: unknown) => V): Map<string, V> {
  const map = new Map<string, V>();
  if (record === undefined) return map;
  if (typeof record !== 'object' || record === null) invalid(`\`${what}\` must be an object.`);
  for (const [name, value] of Object.entries(record)) map.set(name, check(name, value));
  return map;
}

/** Validate every option at the door and fill in the defaults (one place, like pg-boss's attorney). */
export function resolveWorkerOptions<T extends TaskMap>(options: WorkerOptions<T>): ResolvedWorkerOptions {
  if (typeof options !== 'object' || typeof options.store !== 'object') {
    invalid('createWorker needs `{ store, tasks }` (see openSqliteStore).');
  }
  const handlers = functionsOf('tasks', options.tasks, (name, value) => {
    if (typeof value !== 'function') invalid(`The handler of task "${name}" must be a function.`);
    return value as TaskHandler<unknown>;
  });
  const periodic = functionsOf('periodic', options.periodic, (name, value) => {
    const task = value as Partial<PeriodicTask> | undefined;
    if (typeof task?.run !== 'function') invalid(`Periodic task "${name}" needs a \`run\` function.`);
    if (!(Number.isSafeInteger(task.everyMs) && (task.everyMs ?? 0) >= 10)) {
      invalid(`Periodic task "${name}" needs \`everyMs\` as an integer ≥ 10, got ${String(task.everyMs)}.`);
    }
    return task as PeriodicTask;
  });
  if (handlers.size === 0 && periodic.size === 0) invalid('A worker needs at least one task or periodic task.');
  const concurrency = integer('concurrency', options.concurrency, 1, 1);
  const leaseMs = integer('leaseMs', options.leaseMs, 30_000, 50);
  const heartbeatMs = integer('heartbeatMs', options.heartbeatMs, Math.max(10, Math.floor(leaseMs / 3)), 10);
  if (heartbeatMs >= leaseMs) invalid(`\`heartbeatMs\` (${String(heartbeatMs)}) must be below \`leaseMs\` (${String(leaseMs)}).`);
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!(retry.baseMs >= 0 && retry.maxMs >= retry.baseMs && retry.factor >= 1)) {
    invalid('`retry` needs baseMs ≥ 0, maxMs ≥ baseMs and factor ≥ 1.');
  }
  if (!['full', 'equal', 'none'].includes(retry.jitter)) invalid('`retry.jitter` must be "full", "equal" or "none".');
  const workerId = options.workerId ?? `${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;
  if (typeof workerId !== 'string' || workerId.length === 0) invalid('`workerId` must be a non-empty string.');
  return {
    store: options.store,
    handlers,
    periodic,
    concurrency,
    leaseMs,
    heartbeatMs,
    pollMs: integer('pollMs', options.pollMs, 1000, 1),
    batchSize: integer('batchSize', options.batchSize, concurrency, 1),
    reapIntervalMs: integer('reapIntervalMs', options.reapIntervalMs, Math.max(10, Math.floor(leaseMs / 2)), 10),
    retry,
    maxResultBytes: integer('maxResultBytes', options.maxResultBytes, 1024 * 1024, 2),
    graceMs: integer('graceMs', options.graceMs, 10_000, 0),
    logger: options.logger ?? consoleLogger,
    hooks: options.hooks ?? {},
    workerId,
  };
}
