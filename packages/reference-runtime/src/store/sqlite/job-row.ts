import type { JobRecord, JobState } from '../store.js';

/** A row of `steadfast_jobs` as better-sqlite3 returns it. */
export interface JobRow {
  id: number;
  queue: string;
  payload: string;
  state: JobState;
  priority: number;
  run_at: number;
  attempts: number;
  max_attempts: number;
  idempotency_key: string | null;
  owner: string | null;
  token: number;
  lease_expires_at: number | null;
  cancel_requested: number;
  last_error: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** The columns every transition returns, in `JobRow` order. */
export const JOB_COLUMNS =
  'id, queue, payload, state, priority, run_at, attempts, max_attempts, idempotency_key, owner, token, lease_expires_at, cancel_requested, last_error, result, created_at, updated_at, finished_at';

/** A stored row as the contract's record. */
export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    queue: row.queue,
    payload: row.payload,
    state: row.state,
    priority: row.priority,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    idempotencyKey: row.idempotency_key,
    owner: row.owner,
    token: row.token,
    leaseExpiresAt: row.lease_expires_at,
    cancelRequested: row.cancel_requested !== 0,
    lastError: row.last_error,
    result: row.result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}
