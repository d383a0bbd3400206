import type { HeartbeatRequest, HeartbeatResult } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const EXTEND = `
  UPDATE steadfast_jobs
     SET lease_expires_at = @until, updated_at = @now
   WHERE state = 'running' AND owner = @owner
     AND (id, token) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@leases))
  RETURNING id, cancel_requested`;

/**
 * Transition: running → running with a later expiry, for every lease `owner` still holds with the
 * same token. A lease that was reaped or re-claimed by another worker is reported as lost and
 * not touched: the fencing token makes the late heartbeat harmless.
 */
export function heartbeat(db: Connection, request: HeartbeatRequest, now: number): HeartbeatResult {
  if (request.leases.length === 0) return { extended: [], lost: [], cancelRequested: [] };
  const rows = db
    .transaction(
      () =>
        prepared(db, EXTEND).all({
          owner: request.owner,
          now,
          until: now + request.leaseMs,
          leases: JSON.stringify(request.leases.map((lease) => [lease.jobId, lease.token])),
        }) as { id: number; cancel_requested: number }[],
    )
    .immediate();
  const extended = rows.map((row) => row.id);
  const held = new Set(extended);
  return {
    extended,
    lost: request.leases.map((lease) => lease.jobId).filter((id) => !held.has(id)),
    cancelRequested: rows.filter((row) => row.cancel_requested !== 0).map((row) => row.id),
  };
}
