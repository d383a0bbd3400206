import type { Lease } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const RELEASE = `
  UPDATE steadfast_jobs
     SET state = CASE WHEN cancel_requested = 1 THEN 'cancelled' ELSE 'queued' END,
         attempts = attempts - 1, lease_expires_at = NULL, updated_at = @now,
         finished_at = CASE WHEN cancel_requested = 1 THEN @now ELSE NULL END
   WHERE id = @jobId AND state = 'running' AND owner = @owner AND token = @token`;

/**
 * Transition: running → queued without counting the attempt (the worker gave the job up: it is
 * shutting down, or the job was prefetched and never started). The job is due at once, so another
 * worker need not wait for the lease to expire.
 */
export function release(db: Connection, leases: readonly Lease[], now: number): number {
  if (leases.length === 0) return 0;
  const statement = prepared(db, RELEASE);
  return db
    .transaction(() => leases.reduce((count, lease) => count + statement.run({ ...lease, now }).changes, 0))
    .immediate();
}
