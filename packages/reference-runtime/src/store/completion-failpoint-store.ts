import type { ClaimRequest, CompleteAndClaimResult, Completion, Store } from './store.js';

/** Runs before a completion commit with the ids of the jobs about to be committed. */
export type BeforeCompleteFailpoint = (jobIds: readonly string[]) => void | Promise<void>;

/**
 * The store as a worker under test sees it, with a failpoint in front of every completion commit
 * (the conformance kit kills the process there to prove that a completion never committed is
 * redelivered). Every completion of the runtime goes through `complete` or `completeAndClaim`,
 * so the failpoint runs before every commit and never after one. The optional combined write is
 * kept when the store has it: dropping it would make every kit run exercise the slower path only.
 */
export function withCompletionFailpoint(store: Store, beforeComplete: BeforeCompleteFailpoint | undefined): Store {
  if (beforeComplete === undefined) return store;
  const idsOf = (completions: readonly Completion[]): string[] => completions.map((completion) => String(completion.lease.jobId));
  // Explicit delegation (not a prototype trick): the store's methods use private fields, and a new
  // Store method must fail to compile here rather than bypass the failpoint unnoticed.
  const subscribe = store.subscribe?.bind(store);
  const completeAndClaim = store.completeAndClaim?.bind(store);
  return {
    description: store.description,
    now: () => store.now(),
    migrate: () => store.migrate(),
    enqueue: (jobs) => store.enqueue(jobs),
    claim: (request) => store.claim(request),
    heartbeat: (request) => store.heartbeat(request),
    async complete(completions: readonly Completion[]): Promise<boolean[]> {
      await beforeComplete(idsOf(completions));
      return store.complete(completions);
    },
    ...(completeAndClaim === undefined
      ? {}
      : {
          async completeAndClaim(completions: readonly Completion[], request: ClaimRequest): Promise<CompleteAndClaimResult> {
            if (completions.length > 0) await beforeComplete(idsOf(completions));
            return completeAndClaim(completions, request);
          },
        }),
    fail: (failure) => store.fail(failure),
    release: (leases) => store.release(leases),
    cancel: (jobId) => store.cancel(jobId),
    redrive: (jobId) => store.redrive(jobId),
    reapExpired: () => store.reapExpired(),
    claimPeriodicSlot: (name, slot, owner) => store.claimPeriodicSlot(name, slot, owner),
    getJob: (jobId) => store.getJob(jobId),
    stats: () => store.stats(),
    ...(subscribe === undefined ? {} : { subscribe }),
    close: () => store.close(),
  };
}
