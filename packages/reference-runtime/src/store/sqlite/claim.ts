import type { ClaimRequest, ClaimedJob } from '../store.js';
import { JOB_COLUMNS, toJobRecord, type JobRow } from './job-row.js';
import { prepared, type Connection } from './prepared.js';

// One index range per queue, merged: `queue IN (…)` would make SQLite read every due row of every
// queue and sort them on each claim, which costs O(backlog) per claim instead of O(limit).
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

// The outer guard re-states `queued`, so the transition stays correct even if the statement is
// ever run outside BEGIN IMMEDIATE.
function claimSql(queueCount: number): string {
  return `
  UPDATE steadfast_jobs
     SET state = 'running', owner = @owner, token = token + 1, attempts = attempts + 1,
         lease_expires_at = @now + @leaseMs, updated_at = @now
   WHERE state = 'queued' AND id IN (${candidates(queueCount)})
  RETURNING ${JOB_COLUMNS}`;
}

function byPriority(a: ClaimedJob, b: ClaimedJob): number {
  return b.job.priority - a.job.priority || a.job.runAt - b.job.runAt || a.job.id - b.job.id;
}

/**
 * Transition: queued → running, for up to `limit` due jobs, under `BEGIN IMMEDIATE` so two
 * processes never claim the same row. Each claim sets the owner, a lease measured from now (not
 * from `run_at`: a job that waited in a backlog gets its full lease), counts an attempt and
 * increments the fencing token.
 */
export function claim(db: Connection, request: ClaimRequest, now: number): ClaimedJob[] {
  if (request.queues.length === 0) return [];
  const parameters: Record<string, string | number> = {
    owner: request.owner,
    now,
    leaseMs: request.leaseMs,
    limit: request.limit,
  };
  request.queues.forEach((queue, index) => {
    parameters[`q${String(index)}`] = queue;
  });
  const statement = prepared(db, claimSql(request.queues.length));
  const rows = db.transaction(() => statement.all(parameters) as JobRow[]).immediate();
  return rows
    .map((row) => {
      const job = toJobRecord(row);
      return { job, lease: { jobId: job.id, owner: request.owner, token: job.token } };
    })
    .sort(byPriority);
}
