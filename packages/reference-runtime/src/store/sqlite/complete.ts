import type { Completion } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const COMPLETE = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = @result, lease_expires_at = NULL, last_error = NULL,
         finished_at = @now, updated_at = @now
   WHERE id = @jobId AND state = 'running' AND owner = @owner AND token = @token`;

/**
 * Transition: running → succeeded, only for the lease's owner with the current token. Many
 * completions share one transaction (one fsync): acknowledging late never loses a job, it can
 * only make a crash re-run it, which at-least-once allows.
 */
export function complete(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  const statement = prepared(db, COMPLETE);
  const run = (): boolean[] =>
    completions.map(
      (completion) => statement.run({ ...completion.lease, result: completion.result, now }).changes === 1,
    );
  return completions.length === 1 ? run() : db.transaction(run).immediate();
}
