import type { ClaimRequest, Completion, CompleteAndClaimResult } from '../store.js';
import { claimInTransaction } from './claim.js';
import { completeInTransaction } from './complete.js';
import { preparedTransaction, type Connection } from './prepared.js';

/**
 * Transitions running → succeeded (the completions) and queued → running (the claim) in one
 * `BEGIN IMMEDIATE` transaction: one commit (one fsync with `synchronous=FULL`) per turn of a
 * drain instead of two. Each part keeps its own guards (owner and fencing token for completions,
 * `queued` for claims); if anything fails, nothing of either part is written.
 */
export function completeAndClaim(
  db: Connection,
  completions: readonly Completion[],
  request: ClaimRequest,
  now: number,
): CompleteAndClaimResult {
  return preparedTransaction(db, bothParts).immediate(db, completions, request, now);
}

function bothParts(db: Connection, completions: readonly Completion[], request: ClaimRequest, now: number): CompleteAndClaimResult {
  return { accepted: completeInTransaction(db, completions, now), claimed: claimInTransaction(db, request, now) };
}
