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
  // ever run outside BEGIN IMMEDIATE. Only what running the job needs is returned.
  return `
  UPDATE steadfast_jobs
     SET state = 'running', owner = @owner, token = token + 1, attempts = attempts + 1,
         lease_expires_at = @now + @leaseMs, updated_at = @now
   WHERE state = 'queued' AND id IN (${candidates(queueCount)})
  RETURNING id, queue, payload, priority, run_at AS runAt, attempts, max_attempts AS maxAttempts, token,
            lease_expires_at AS leaseExpiresAt`;
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
  // The columns are named as the record's fields, so each returned row is the record itself.
  const rows = prepared(db, claimSql(request.queues.length)).all(parametersOf(request, now)) as ClaimedJobRecord[];
  const claimed = rows.map((job): ClaimedJob => ({ job, lease: { jobId: job.id, owner: request.owner, token: job.token } }));
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
