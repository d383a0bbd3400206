import type { Completion } from '../store.js';
import { prepared, preparedForCount, preparedTransaction, type Connection, type Statement } from './prepared.js';

// Positional parameters (result, now, now, jobId, owner, token): binding by name looks every name
// up in an object, which measurably cost more when the statement runs once per job.
const COMPLETE_ONE = `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = ?, lease_expires_at = NULL, last_error = NULL,
         finished_at = ?, updated_at = ?
   WHERE id = ? AND state = 'running' AND owner = ? AND token = ?`;

/**
 * Completions without a result per shared statement. SQLite nests an `OR` chain one level per
 * term and refuses expressions deeper than 1000; 64 keeps a full batch of 100 at two statements.
 */
const SHARED_CHUNK = 64;

/** One statement for `count` completions without a result, each term guarded by its own lease (exported for the query-plan test). */
export function completeManySql(count: number): string {
  const leases = Array.from({ length: count }, () => '(id = ? AND owner = ? AND token = ?)').join(' OR ');
  return `
  UPDATE steadfast_jobs
     SET state = 'succeeded', result = NULL, lease_expires_at = NULL, last_error = NULL,
         finished_at = ?, updated_at = ?
   WHERE state = 'running' AND (${leases})`;
}

/** Thrown inside the savepoint to undo a shared statement that did not write every row. */
class NotEveryLeaseHeld extends Error {}

/** The savepoint's body: the shared statement, undone unless it wrote a row per completion. */
function runSharedStatement(statement: Statement, parameters: readonly (number | string)[], count: number): void {
  if (statement.run(parameters).changes !== count) throw new NotEveryLeaseHeld();
}

function completeEach(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  const statement = prepared(db, COMPLETE_ONE);
  return completions.map(({ lease, result }) => statement.run(result, now, now, lease.jobId, lease.owner, lease.token).changes === 1);
}

/**
 * Completions without a result, in one statement when every lease still holds (a drain's usual
 * case: one statement instead of one per job). Otherwise the statement is undone (a savepoint
 * inside the caller's transaction) and they are written one by one, which says which were refused
 * and keeps the first of two completions of one lease.
 */
function completeShared(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  if (completions.length === 1) return completeEach(db, completions, now);
  const parameters: (number | string)[] = [now, now];
  for (const { lease } of completions) parameters.push(lease.jobId, lease.owner, lease.token);
  const statement = preparedForCount(db, completeManySql, completions.length);
  try {
    preparedTransaction(db, runSharedStatement)(statement, parameters, completions.length);
  } catch (error) {
    if (!(error instanceof NotEveryLeaseHeld)) throw error;
    return completeEach(db, completions, now);
  }
  return completions.map(() => true);
}

/**
 * The completions themselves, for a caller that already holds the write transaction (`complete`
 * below, or a combined acknowledge-and-claim): several completions may be several statements, atomic
 * only together inside that transaction. Order is kept: runs of consecutive completions without a
 * result share a statement, one with a result is written alone, so a stale completion of a job
 * whose current completion is in the same batch is refused, and an exact duplicate is accepted
 * once, exactly as if each were written in turn.
 */
export function completeInTransaction(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  const accepted: boolean[] = [];
  let run: Completion[] = [];
  const writeRun = (): void => {
    if (run.length > 0) accepted.push(...completeShared(db, run, now));
    run = [];
  };
  for (const completion of completions) {
    if (completion.result !== null) {
      writeRun();
      accepted.push(...completeEach(db, [completion], now));
      continue;
    }
    run.push(completion);
    if (run.length === SHARED_CHUNK) writeRun();
  }
  writeRun();
  return accepted;
}

/**
 * Transition: running → succeeded, only for the lease's owner with the current token. Many
 * completions share one transaction (one fsync): acknowledging late never loses a job, it can only
 * make a crash re-run it, which at-least-once allows.
 */
export function complete(db: Connection, completions: readonly Completion[], now: number): boolean[] {
  // One completion is one statement: autocommit is its transaction.
  if (completions.length <= 1) return completeInTransaction(db, completions, now);
  return preparedTransaction(db, completeInTransaction).immediate(db, completions, now);
}
