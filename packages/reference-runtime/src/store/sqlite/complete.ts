import type { Completion } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const COMPLETE_ONE = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = @result, lease_expires_at = NULL, last_error = NULL,
         finished_at = @now, updated_at = @now
   WHERE id = @jobId AND state = 'running' AND owner = @owner AND token = @token`;

// A whole batch in one statement: each element is [jobId, owner, token, result].
const COMPLETE_MANY = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = acks.result, lease_expires_at = NULL, last_error = NULL,
         finished_at = @now, updated_at = @now
    FROM (SELECT value ->> '$[0]' AS id, value ->> '$[1]' AS owner, value ->> '$[2]' AS token,
                 value ->> '$[3]' AS result
            FROM json_each(@acks)) AS acks
   WHERE steadfast_jobs.id = acks.id AND steadfast_jobs.state = 'running'
     AND steadfast_jobs.owner = acks.owner AND steadfast_jobs.token = acks.token
  RETURNING steadfast_jobs.id`;

/**
 * The completions themselves, for a caller that already holds the write transaction (`complete`
 * below, or a combined acknowledge-and-claim); one statement is atomic on its own.
 */
export function completeInTransaction(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  if (completions.length === 0) return [];
  const [only] = completions;
  if (completions.length === 1 && only !== undefined) {
    return [prepared(db, COMPLETE_ONE).run({ ...only.lease, result: only.result, now }).changes === 1];
  }
  const acks = JSON.stringify(completions.map(({ lease, result }) => [lease.jobId, lease.owner, lease.token, result]));
  const rows = prepared(db, COMPLETE_MANY).all({ acks, now }) as { id: number }[];
  const accepted = new Set(rows.map((row) => row.id));
  return completions.map((completion) => accepted.has(completion.lease.jobId));
}

/**
 * Transition: running → succeeded, only for the lease's owner with the current token. Many
 * completions share one statement and one transaction (one fsync): acknowledging late never loses
 * a job, it can only make a crash re-run it, which at-least-once allows.
 */
export function complete(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  // One completion is one statement: autocommit is its transaction.
  if (completions.length <= 1) return completeInTransaction(db, completions, now);
  return db.transaction(() => completeInTransaction(db, completions, now)).immediate();
}
