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
