import type { Completion } from '../store.js';
import { prepared, type Connection } from './prepared.js';

// Positional parameters (result, now, now, jobId, owner, token): binding by name looks every name
// up in an object, which measurably cost more when the statement runs once per job.
const COMPLETE_ONE = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = ?, lease_expires_at = NULL, last_error = NULL,
         finished_at = ?, updated_at = ?
   WHERE id = ? AND state = 'running' AND owner = ? AND token = ?`;

/**
 * The completions themselves, for a caller that already holds the write transaction (`complete`
 * below, or a combined acknowledge-and-claim): several completions are several statements, atomic
 * only together inside that transaction.
 */
export function completeInTransaction(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  // One prepared statement per completion, not one statement over a JSON array of them: measured
  // cheaper for a batch of 100 (bench/runtime.mjs --schema-costs), since building and parsing the
  // JSON and returning the written rows cost more than re-running a prepared UPDATE by primary key.
  // Each run is guarded by the whole lease, so a stale completion of a job whose current
  // completion is in the same batch is refused too (and an exact duplicate is accepted once).
  const statement = prepared(db, COMPLETE_ONE);
  return completions.map(({ lease, result }) => statement.run(result, now, now, lease.jobId, lease.owner, lease.token).changes === 1);
}

/**
 * Transition: running → succeeded, only for the lease's owner with the current token. Many
 * completions share one transaction (one fsync): acknowledging late never loses a job, it can only
 * make a crash re-run it, which at-least-once allows.
 */
export function complete(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  // One completion is one statement: autocommit is its transaction.
  if (completions.length <= 1) return completeInTransaction(db, completions, now);
  return db.transaction(() => completeInTransaction(db, completions, now)).immediate();
}
