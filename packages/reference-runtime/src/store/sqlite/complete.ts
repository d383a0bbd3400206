import type { Completion } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const COMPLETE_ONE = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = @result, lease_expires_at = NULL, last_error = NULL,
         finished_at = @now, updated_at = @now
   WHERE id = @jobId AND state = 'running' AND owner = @owner AND token = @token`;

// A whole batch of one owner (a worker's batch always is) in one statement: each element is
// [jobId, token, result]; the owner is one parameter instead of a JSON field per row.
const COMPLETE_MANY_OF_OWNER = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = acks.result, lease_expires_at = NULL, last_error = NULL,
         finished_at = @now, updated_at = @now
    FROM (SELECT value ->> 0 AS id, value ->> 1 AS token, value ->> 2 AS result FROM json_each(@acks)) AS acks
   WHERE steadfast_jobs.id = acks.id AND steadfast_jobs.state = 'running'
     AND steadfast_jobs.owner = @owner AND steadfast_jobs.token = acks.token
  RETURNING steadfast_jobs.id, steadfast_jobs.token, @owner AS owner`;

// Any batch in one statement: each element is [jobId, owner, token, result].
const COMPLETE_MANY = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = acks.result, lease_expires_at = NULL, last_error = NULL,
         finished_at = @now, updated_at = @now
    FROM (SELECT value ->> '$[0]' AS id, value ->> '$[1]' AS owner, value ->> '$[2]' AS token,
                 value ->> '$[3]' AS result
            FROM json_each(@acks)) AS acks
   WHERE steadfast_jobs.id = acks.id AND steadfast_jobs.state = 'running'
     AND steadfast_jobs.owner = acks.owner AND steadfast_jobs.token = acks.token
  RETURNING steadfast_jobs.id, steadfast_jobs.token, steadfast_jobs.owner`;

/** A row a batch completion wrote, with the lease it was written under. */
interface WrittenRow {
  readonly id: number;
  readonly owner: string;
  readonly token: number;
}

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
  const owner = only?.lease.owner;
  const rows = (
    completions.every((completion) => completion.lease.owner === owner)
      ? prepared(db, COMPLETE_MANY_OF_OWNER).all({
          acks: JSON.stringify(completions.map(({ lease, result }) => [lease.jobId, lease.token, result])),
          owner,
          now,
        })
      : prepared(db, COMPLETE_MANY).all({
          acks: JSON.stringify(completions.map(({ lease, result }) => [lease.jobId, lease.owner, lease.token, result])),
          now,
        })
  ) as WrittenRow[];
  // Matched by the whole lease, not the id alone: a stale completion of a job whose current
  // completion is in the same batch is refused too.
  const written = new Map(rows.map((row) => [row.id, row]));
  return completions.map(({ lease }) => {
    const row = written.get(lease.jobId);
    return row !== undefined && row.token === lease.token && row.owner === lease.owner;
  });
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
