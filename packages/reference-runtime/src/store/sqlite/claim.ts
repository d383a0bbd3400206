import type { ClaimRequest, ClaimedJob, ClaimedJobRecord } from '../store.js';
import { prepared, type Connection } from './prepared.js';

// One index range per queue, merged: `queue IN (…)` would make SQLite read every due row of every
// queue and sort them on each claim, which costs O(backlog) per claim instead of O(limit). Each
// range is read from `steadfast_jobs_ready` in its own order (no temporary B-tree: checked with
// EXPLAIN QUERY PLAN in the store's tests).
function candidates(queueCount: number): string {
  const perQueue = Array.from(
    { length: queueCount },
    (_, index) =>
      `SELECT * FROM (SELECT id, priority, run_at FROM steadfast_jobs
        WHERE state = 'queued' AND queue = @q${String(index)} AND run_at <= @now
        ORDER BY priority DESC, run_at, id LIMIT @limit)`,
  );
  return queueCount === 1
    ? `SELECT id FROM (${perQueue[0] ?? ''})`
    : `SELECT id FROM (${perQueue.join(' UNION ALL ')}) ORDER BY priority DESC, run_at, id LIMIT @limit`;
}

/** The claim statement for `queueCount` queues (exported for the query-plan test). */
export function claimSql(queueCount: number): string {
  // The outer guard re-states `queued`, so the transition stays correct even if the statement is
  // ever run outside BEGIN IMMEDIATE. Only what running the job needs is returned, as arrays in
  // this order (see `recordOf`): better-sqlite3 builds an object per row with named columns, which
  // measurably cost more than a plain array for a batch of 100 (bench/runtime.mjs --schema-costs).
  return `
  UPDATE steadfast_jobs
     SET state = 'running', owner = @owner, token = token + 1, attempts = attempts + 1,
         lease_expires_at = @now + @leaseMs, updated_at = @now
   WHERE state = 'queued' AND id IN (${candidates(queueCount)})
  RETURNING id, queue, payload, priority, run_at, attempts, max_attempts, token`;
}

/** A row of the claim's RETURNING, in its column order. */
type ClaimRow = readonly [number, string, string, number, number, number, number, number];

/** The record of one claimed row; its lease expiry is the one the claim wrote (`now + leaseMs`). */
function recordOf(row: ClaimRow, leaseExpiresAt: number): ClaimedJobRecord {
  const [id, queue, payload, priority, runAt, attempts, maxAttempts, token] = row;
  return { id, queue, payload, priority, runAt, attempts, maxAttempts, token, leaseExpiresAt };
}

function byPriority(a: ClaimedJob, b: ClaimedJob): number {
  return b.job.priority - a.job.priority || a.job.runAt - b.job.runAt || a.job.id - b.job.id;
}

/** The claim's statement parameters; `q0`, `q1`, … name the queues. */
function parametersOf(request: ClaimRequest, now: number): Record<string, string | number> {
  const parameters: Record<string, string | number> = {
    owner: request.owner,
    now,
    leaseMs: request.leaseMs,
    limit: request.limit,
  };
  request.queues.forEach((queue, index) => {
    parameters[`q${String(index)}`] = queue;
  });
  return parameters;
}

/**
 * The claim itself, for a caller that already holds the write transaction (`claim` below, or a
 * combined acknowledge-and-claim). RETURNING gives no order, so the jobs are sorted here.
 */
export function claimInTransaction(db: Connection, request: ClaimRequest, now: number): ClaimedJob[] {
  if (request.queues.length === 0) return [];
  const rows = prepared(db, claimSql(request.queues.length)).raw(true).all(parametersOf(request, now)) as ClaimRow[];
  const leaseExpiresAt = now + request.leaseMs;
  const claimed = rows.map((row): ClaimedJob => {
    const job = recordOf(row, leaseExpiresAt);
    return { job, lease: { jobId: job.id, owner: request.owner, token: job.token } };
  });
  return claimed.sort(byPriority);
}

/**
 * Transition: queued → running, for up to `limit` due jobs, under `BEGIN IMMEDIATE` so two
 * processes never claim the same row. Each claim sets the owner, a lease measured from now (not
 * from `run_at`: a job that waited in a backlog gets its full lease), counts an attempt and
 * increments the fencing token.
 */
export function claim(db: Connection, request: ClaimRequest, now: number): ClaimedJob[] {
  if (request.queues.length === 0) return [];
  return db.transaction(() => claimInTransaction(db, request, now)).immediate();
}
