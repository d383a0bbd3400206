import { SteadfastError } from '../../errors/steadfast-error.js';
import type { ClaimRequest, ClaimedJob, ClaimedJobRecord } from '../store.js';
import { preparedForCount, preparedTransaction, type Connection } from './prepared.js';

/** What running a job needs, in the order of `ClaimRow`. */
const CLAIMED_COLUMNS = 'id, queue, payload, priority, run_at, attempts, max_attempts, token';

/**
 * The claim's read: up to `limit` due jobs of `queueCount` queues, in the order they run
 * (exported for the query-plan test). One index range per queue, merged: `queue IN (…)` would
 * make SQLite read every due row of every queue and sort them on each claim, which costs
 * O(backlog) per claim instead of O(limit). Each range is read from `steadfast_jobs_ready` in its
 * own order (no temporary B-tree for one queue: checked with EXPLAIN QUERY PLAN in the tests).
 */
export function claimSql(queueCount: number): string {
  const perQueue = Array.from(
    { length: queueCount },
    (_, index) =>
      `SELECT ${CLAIMED_COLUMNS} FROM steadfast_jobs
        WHERE state = 'queued' AND queue = @q${String(index)} AND run_at <= @now
        ORDER BY priority DESC, run_at, id LIMIT @limit`,
  );
  return queueCount === 1
    ? (perQueue[0] ?? '')
    : `SELECT ${CLAIMED_COLUMNS} FROM (${perQueue.map((part) => `SELECT * FROM (${part})`).join(' UNION ALL ')})
        ORDER BY priority DESC, run_at, id LIMIT @limit`;
}

// The write of the rows just read, by primary key. Read-then-write rather than one
// `UPDATE … RETURNING`: RETURNING collects the written rows in a temporary table before the first
// one is returned, and with the columns a worker needs that cost 10–12% of the store's drain
// (bench/runtime.mjs --schema-costs); the read also returns them in run order, which RETURNING
// does not. Both run under the claim's BEGIN IMMEDIATE, so nothing can claim in between; the
// `queued` guard and the count check below still refuse to write a claim that could not hold.
// The ids are bound one parameter each (a list of `?`, prepared once per length), which measured
// cheaper than one JSON array read back through `json_each`.
function markClaimedSql(idCount: number): string {
  return `
  UPDATE steadfast_jobs
     SET state = 'running', owner = ?, token = token + 1, attempts = attempts + 1,
         lease_expires_at = ?, updated_at = ?
   WHERE state = 'queued' AND id IN (${Array.from({ length: idCount }, () => '?').join(', ')})`;
}

/** Ids per claim write: far below SQLite's bound-parameter limit, and one statement for the usual batch. */
const MARK_CLAIMED_CHUNK = 500;

/** A row of the claim's read, in `CLAIMED_COLUMNS` order, before the claim is written. */
type ClaimRow = readonly [number, string, string, number, number, number, number, number];

/** The claim's statement parameters; `q0`, `q1`, … name the (distinct) queues. */
function parametersOf(queues: readonly string[], limit: number, now: number): Record<string, string | number> {
  const parameters: Record<string, string | number> = { now, limit };
  queues.forEach((queue, index) => {
    parameters[`q${String(index)}`] = queue;
  });
  return parameters;
}

/** The claimed job of a row read before the write: its attempt and token are the ones written. */
function claimedOf(row: ClaimRow, owner: string, leaseExpiresAt: number): ClaimedJob {
  const [id, queue, payload, priority, runAt, attempts, maxAttempts, token] = row;
  const job: ClaimedJobRecord = {
    id,
    queue,
    payload,
    priority,
    runAt,
    attempts: attempts + 1,
    maxAttempts,
    token: token + 1,
    leaseExpiresAt,
  };
  return { job, lease: { jobId: id, owner, token: job.token } };
}

/**
 * The claim itself, for a caller that already holds the write transaction (`claim` below, or a
 * combined acknowledge-and-claim). Jobs come back in run order: priority, then `run_at`, then id.
 */
export function claimInTransaction(db: Connection, request: ClaimRequest, now: number): ClaimedJob[] {
  if (request.queues.length === 0) return [];
  // A queue listed twice would be read twice, and its jobs written once: the count check below
  // would then refuse every such claim.
  const queues = request.queues.length === 1 ? request.queues : [...new Set(request.queues)];
  const rows = preparedForCount(db, claimSql, queues.length).raw(true).all(parametersOf(queues, request.limit, now)) as ClaimRow[];
  if (rows.length === 0) return [];
  const leaseExpiresAt = now + request.leaseMs;
  let written = 0;
  for (let start = 0; start < rows.length; start += MARK_CLAIMED_CHUNK) {
    const ids = rows.slice(start, start + MARK_CLAIMED_CHUNK).map((row) => row[0]);
    written += preparedForCount(db, markClaimedSql, ids.length).run([request.owner, leaseExpiresAt, now, ...ids]).changes;
  }
  if (written !== rows.length) {
    // Only possible if the read and the write were not in one write transaction; throwing rolls
    // the claim back rather than hand out leases the store does not hold.
    throw new SteadfastError(
      'DATABASE_ERROR',
      `A claim read ${String(rows.length)} due jobs but could write only ${String(written)}; nothing was claimed. Claims must run inside BEGIN IMMEDIATE.`,
    );
  }
  return rows.map((row) => claimedOf(row, request.owner, leaseExpiresAt));
}

/**
 * Transition: queued → running, for up to `limit` due jobs, under `BEGIN IMMEDIATE` so two
 * processes never claim the same row. Each claim sets the owner, a lease measured from now (not
 * from `run_at`: a job that waited in a backlog gets its full lease), counts an attempt and
 * increments the fencing token.
 */
export function claim(db: Connection, request: ClaimRequest, now: number): ClaimedJob[] {
  if (request.queues.length === 0) return [];
  return preparedTransaction(db, claimInTransaction).immediate(db, request, now);
}
