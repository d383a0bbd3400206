import type { CancelOutcome } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const CANCEL_QUEUED = `
  UPDATE steadfast_jobs SET state = 'cancelled', finished_at = @now, updated_at = @now
   WHERE id = @jobId AND state = 'queued'`;
const REQUEST_CANCEL = `
  UPDATE steadfast_jobs SET cancel_requested = 1, updated_at = @now
   WHERE id = @jobId AND state = 'running'`;
const EXISTS = `SELECT 1 FROM steadfast_jobs WHERE id = ?`;

/**
 * Transition: queued → cancelled at once; running → running with `cancel_requested`, which the
 * owner's next heartbeat turns into an aborted signal and its next transition into `cancelled`.
 */
export function cancel(db: Connection, jobId: number, now: number): CancelOutcome {
  return db
    .transaction((): CancelOutcome => {
      if (prepared(db, CANCEL_QUEUED).run({ jobId, now }).changes === 1) return 'cancelled';
      if (prepared(db, REQUEST_CANCEL).run({ jobId, now }).changes === 1) return 'cancel-requested';
      return prepared(db, EXISTS).get(jobId) === undefined ? 'not-found' : 'already-finished';
    })
    .immediate();
}
