export { SteadfastError, isSteadfastError, type RuntimeErrorCode } from './errors/steadfast-error.js';
export { NonRetryableError } from './errors/non-retryable-error.js';
export { RetryAfterError } from './errors/retry-after-error.js';
export * from './store/store.js';
export {
  openSqliteStore,
  SqliteStore,
  type SqliteStoreOptions,
  type SqliteSynchronous,
} from './store/sqlite/sqlite-store.js';
export type { CheckpointMode } from './store/sqlite/wal-checkpointer.js';
export type { AnyTasks, TaskMap, TaskName } from './client/task-map.js';
export type { EnqueueOptions } from './client/enqueue-options.js';
export { createClient, type Client, type ClientOptions, type EnqueueItem } from './client/create-client.js';
export {
  createWorker,
  Worker,
  type StopOnSignalsOptions,
  type StopOptions,
  type WorkerState,
  type WorkerStats,
} from './worker/worker.js';
export type { TaskHandlers, WorkerOptions } from './worker/worker-options.js';
export type { AbortReason, Job, JobContext, PeriodicContext, PeriodicTask, TaskHandler } from './worker/task-handler.js';
export type { JobEventInfo, LoopName, SettlementOutcome, ShutdownPhase, WorkerEvents, WorkerHooks } from './worker/worker-events.js';
export { backoffDelay, decideFailure, DEFAULT_RETRY_POLICY, type FailureDecision, type RetryPolicy } from './worker/retry-policy.js';
export type { Listener } from './events/typed-events.js';
export { consoleLogger, silentLogger, type LogMethod, type Logger } from './logging/logger.js';
export { TtlCache, type CacheRead, type TtlCacheOptions } from './cache/ttl-cache.js';
export { explainJob } from './explain/explain-job.js';
