import type { JobState, ReapResult } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const NEXT_STATE = `CASE
    WHEN cancel_requested = 1 THEN 'cancelled'
    WHEN attempts >= max_attempts THEN 'dead'
    ELSE 'queued' END`;

const REAP = `
  UPDATE steadfast_jobs
     SET state = ${NEXT_STATE},
         last_error = 'lease held by ' || owner || ' expired (the worker crashed, hung or was stopped)',
         lease_expires_at = NULL, updated_at = @now,
         finished_at = CASE WHEN ${NEXT_STATE} = 'queued' THEN NULL ELSE @now END
   WHERE state = 'running' AND lease_expires_at <= @now
  RETURNING id, state`;

/**
 * Transition: running with an expired lease → queued, or dead when that was its last attempt (a
 * poison job that kills its worker every time stops after `maxAttempts`). The token is not
 * touched here: the next claim increments it, which fences the old owner.
 */
export function reapExpired(db: Connection, now: number): ReapResult {
  const rows = db
    .transaction(() => prepared(db, REAP).all({ now }) as { id: number; state: JobState }[])
    .immediate();
  return {
    requeued: rows.filter((row) => row.state === 'queued').map((row) => row.id),
    dead: rows.filter((row) => row.state !== 'queued').map((row) => row.id),
  };
}
