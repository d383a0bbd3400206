import type { ClaimRequest, ClaimedJob } from '../store.js';
import { JOB_COLUMNS, toJobRecord, type JobRow } from './job-row.js';
import { prepared, type Connection } from './prepared.js';

// The inner SELECT picks due jobs in priority order; the outer guard re-states `queued` so the
// transition is correct even if the statement is ever run outside BEGIN IMMEDIATE.
const CLAIM = `
  UPDATE steadfast_jobs
     SET state = 'running', owner = @owner, token = token + 1, attempts = attempts + 1,
         lease_expires_at = @now + @leaseMs, updated_at = @now
   WHERE state = 'queued'
     AND id IN (SELECT id FROM steadfast_jobs
                 WHERE state = 'queued' AND run_at <= @now
                   AND queue IN (SELECT value FROM json_each(@queues))
                 ORDER BY priority DESC, run_at, id
                 LIMIT @limit)
  RETURNING ${JOB_COLUMNS}`;

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
  const rows = db
    .transaction(
      () =>
        prepared(db, CLAIM).all({
          owner: request.owner,
          now,
          leaseMs: request.leaseMs,
          queues: JSON.stringify(request.queues),
          limit: request.limit,
        }) as JobRow[],
    )
    .immediate();
  return rows
    .map((row) => {
      const job = toJobRecord(row);
      return { job, lease: { jobId: job.id, owner: request.owner, token: job.token } };
    })
    .sort(byPriority);
}
