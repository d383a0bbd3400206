import { prepared, type Connection } from './prepared.js';

const REDRIVE = `
  UPDATE steadfast_jobs
     SET state = 'queued', attempts = 0, run_at = @now, cancel_requested = 0, owner = NULL,
         lease_expires_at = NULL, finished_at = NULL, updated_at = @now
   WHERE id = @jobId AND state IN ('dead', 'cancelled')`;

/** Transition: dead or cancelled → queued with a fresh budget of attempts. */
export function redrive(db: Connection, jobId: number, now: number): boolean {
  return prepared(db, REDRIVE).run({ jobId, now }).changes === 1;
}
