import type { EnqueueResult, JobState, NewJob } from '../store.js';
import { prepared, type Connection } from './prepared.js';

// A duplicate idempotency key inserts nothing and returns no row; the existing job is then read.
const INSERT = `
  INSERT INTO steadfast_jobs (queue, payload, state, priority, run_at, max_attempts, idempotency_key, created_at, updated_at)
  VALUES (@queue, @payload, 'queued', @priority, @runAt, @maxAttempts, @idempotencyKey, @now, @now)
  ON CONFLICT (queue, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING id`;
const EXISTING = `SELECT id, state FROM steadfast_jobs WHERE queue = ? AND idempotency_key = ?`;

function insertOne(db: Connection, job: NewJob, now: number): EnqueueResult {
  const inserted = prepared(db, INSERT).get({ ...job, now }) as { id: number } | undefined;
  if (inserted !== undefined) return { id: inserted.id, deduplicated: false, state: 'queued' };
  const existing = prepared(db, EXISTING).get(job.queue, job.idempotencyKey) as
    | { id: number; state: JobState }
    | undefined;
  // The unique index only conflicts when such a row exists, and we are inside one statement's
  // view of the database; a missing row here would mean the index and table disagree.
  if (existing === undefined) throw new Error('idempotency conflict without an existing job');
  return { id: existing.id, deduplicated: true, state: existing.state };
}

/**
 * Transition: (nothing) → queued. One job is one autocommit statement; several are one
 * transaction, so either all are written or none. Inside the application's own transaction on the
 * same connection, better-sqlite3 nests it as a savepoint: the jobs commit or roll back with the
 * application's rows (the outbox pattern).
 */
export function enqueue(db: Connection, jobs: readonly NewJob[], now: number): EnqueueResult[] {
  const [only] = jobs;
  if (jobs.length === 1 && only !== undefined && only.idempotencyKey === null) {
    return [insertOne(db, only, now)];
  }
  return db.transaction(() => jobs.map((job) => insertOne(db, job, now))).immediate();
}
