/**
 * Stable codes of the runtime's errors; match on `code`, never on the message.
 *
 * - `INVALID_OPTIONS`: an option is missing, of the wrong type or out of range.
 * - `INVALID_PAYLOAD`: a payload (or a handler's result) is not plain JSON.
 * - `PAYLOAD_TOO_LARGE`: the serialised payload exceeds `maxPayloadBytes`.
 * - `UNKNOWN_TASK`: the task name is not in the client's or worker's task list.
 * - `CLIENT_CLOSED`: `enqueue` (or any call) on a client after `close()`.
 * - `WORKER_STOPPED`: `start()` on a worker that has been stopped; workers are not restartable.
 * - `STORE_CLOSED`: a call on a store after `close()`.
 * - `SCHEMA_TOO_NEW`: the database was migrated by a newer version of the runtime.
 * - `DATABASE_READ_ONLY`: the database file cannot be written.
 * - `NOT_A_DATABASE`: the file exists but is not an SQLite database.
 * - `DATABASE_BUSY`: another connection held the write lock past `busyTimeoutMs`.
 * - `DATABASE_ERROR`: any other failure of the database.
 * - `JOB_NOT_FOUND`: no job has the given id.
 * - `INVALID_STATE`: the job is not in a state that allows the operation (e.g. redrive of a live job).
 */
export type RuntimeErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_PAYLOAD'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNKNOWN_TASK'
  | 'CLIENT_CLOSED'
  | 'WORKER_STOPPED'
  | 'STORE_CLOSED'
  | 'SCHEMA_TOO_NEW'
  | 'DATABASE_READ_ONLY'
  | 'NOT_A_DATABASE'
  | 'DATABASE_BUSY'
  | 'DATABASE_ERROR'
  | 'JOB_NOT_FOUND'
  | 'INVALID_STATE';

/**
 * The one error type the runtime throws on purpose. `code` is stable across versions; the
 * message says what to do next.
 */
export class SteadfastError extends Error {
  /** Stable, searchable identifier of what went wrong. */
  readonly code: RuntimeErrorCode;

  constructor(code: RuntimeErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SteadfastError';
    this.code = code;
  }
}

/** True when `error` is a {@link SteadfastError}, optionally with the given code. */
export function isSteadfastError(error: unknown, code?: RuntimeErrorCode): error is SteadfastError {
  return error instanceof SteadfastError && (code === undefined || error.code === code);
}
