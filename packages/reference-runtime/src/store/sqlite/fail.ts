import type { FailOutcome, Failure, JobState } from '../store.js';
import { prepared, type Connection } from './prepared.js';

// SET expressions all read the old row, so the next state is spelled once and reused.
const NEXT_STATE = `CASE
    WHEN cancel_requested = 1 THEN 'cancelled'
    WHEN @retryAt IS NULL THEN 'dead'
    WHEN @counts = 1 AND attempts >= max_attempts THEN 'dead'
    ELSE 'queued' END`;

const FAIL = `
  UPDATE steadfast_jobs
     SET state = ${NEXT_STATE},
         attempts = CASE WHEN @counts = 1 THEN attempts ELSE attempts - 1 END,
         run_at = COALESCE(@retryAt, run_at),
         lease_expires_at = NULL, last_error = @error, updated_at = @now,
         finished_at = CASE WHEN ${NEXT_STATE} = 'queued' THEN NULL ELSE @now END
   WHERE id = @jobId AND state = 'running' AND owner = @owner AND token = @token
  RETURNING state`;

const OUTCOME: Record<JobState, FailOutcome> = {
  queued: 'retried',
  dead: 'dead',
  cancelled: 'cancelled',
  running: 'fenced',
  succeeded: 'fenced',
};

/**
 * Transition: running → queued (retry at `retryAt`), dead (non-retryable or out of attempts) or
 * cancelled (cancellation was requested), guarded by owner and token. A stale lease writes
 * nothing and returns `fenced`.
 */
export function fail(db: Connection, failure: Failure, now: number): FailOutcome {
  const row = db
    .transaction(
      () =>
        prepared(db, FAIL).get({
          ...failure.lease,
          retryAt: failure.retryAt,
          counts: failure.countsAsAttempt ? 1 : 0,
          error: failure.error,
          now,
        }) as { state: JobState } | undefined,
    )
    .immediate();
  return row === undefined ? 'fenced' : OUTCOME[row.state];
}
